// run GOMAXPROCS=1,2,4

package main

import (
	"context"
	"errors"
	"fmt"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	fmt.Println("before cancel:", ctx.Err())
	select {
	case <-ctx.Done():
		fmt.Println("done too early")
	default:
		fmt.Println("not done")
	}
	cancel()
	<-ctx.Done()
	fmt.Println("after cancel:", ctx.Err())
	fmt.Println("errors.Is Canceled:", errors.Is(ctx.Err(), context.Canceled))
	cancel() // cancelling twice is fine
	fmt.Println("after second cancel:", ctx.Err())

	// Cancelling a parent cancels every descendant; cancelling a child leaves the parent alone.
	parent, cancelParent := context.WithCancel(context.Background())
	child1, cancelChild1 := context.WithCancel(parent)
	child2, cancelChild2 := context.WithCancel(parent)
	grandchild, cancelGrandchild := context.WithCancel(child1)
	defer cancelChild2()
	defer cancelGrandchild()
	cancelChild1()
	fmt.Println("child1:", child1.Err(), "grandchild:", grandchild.Err(), "parent:", parent.Err(), "child2:", child2.Err())
	cancelParent()
	fmt.Println("child2 after parent cancel:", child2.Err())

	// Many goroutines wait on one Done channel.
	ctx3, cancel3 := context.WithCancel(context.Background())
	results := make(chan error, 10)
	for i := 0; i < 10; i++ {
		go func() {
			<-ctx3.Done()
			results <- ctx3.Err()
		}()
	}
	cancel3()
	n := 0
	for i := 0; i < 10; i++ {
		if errors.Is(<-results, context.Canceled) {
			n++
		}
	}
	fmt.Println("goroutines that saw the cancel:", n)

	// A context derived from an already-cancelled parent is born cancelled.
	late, cancelLate := context.WithCancel(ctx)
	defer cancelLate()
	fmt.Println("derived from cancelled:", late.Err())

	// WithoutCancel is not cancelled with its parent but keeps its values.
	type k struct{}
	vp, cancelVp := context.WithCancel(context.WithValue(context.Background(), k{}, "kept"))
	wc := context.WithoutCancel(vp)
	cancelVp()
	fmt.Println("WithoutCancel:", wc.Err(), wc.Done() == nil, wc.Value(k{}))
}
