// run GOMAXPROCS=1,2,4

package main

import (
	"context"
	"errors"
	"fmt"
)

var errShutdown = errors.New("server shutting down")

func main() {
	ctx, cancel := context.WithCancelCause(context.Background())
	fmt.Println("before:", ctx.Err(), context.Cause(ctx))
	cancel(errShutdown)
	fmt.Println("Err:", ctx.Err())
	fmt.Println("Cause:", context.Cause(ctx), errors.Is(context.Cause(ctx), errShutdown))
	cancel(errors.New("second cause is ignored"))
	fmt.Println("Cause after second cancel:", context.Cause(ctx))

	// cancel(nil) sets the cause to Canceled.
	ctx2, cancel2 := context.WithCancelCause(context.Background())
	cancel2(nil)
	fmt.Println("nil cause:", context.Cause(ctx2))

	// Children inherit the cause of their cancelled parent.
	parent, cancelParent := context.WithCancelCause(context.Background())
	child, cancelChild := context.WithCancel(parent)
	defer cancelChild()
	done := make(chan error)
	go func() {
		<-child.Done()
		done <- context.Cause(child)
	}()
	cancelParent(fmt.Errorf("wrapped: %w", errShutdown))
	cause := <-done
	fmt.Println("child cause:", cause, errors.Is(cause, errShutdown), "child Err:", child.Err())

	// Cause of a context without a cause is its Err.
	plain, cancelPlain := context.WithCancel(context.Background())
	cancelPlain()
	fmt.Println("plain:", context.Cause(plain))
	fmt.Println("background:", context.Cause(context.Background()))
}
