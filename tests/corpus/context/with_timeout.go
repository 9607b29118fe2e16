// run GOMAXPROCS=1,2,4

package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func slowOp(ctx context.Context, d time.Duration) error {
	select {
	case <-time.After(d):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	_, hasDeadline := ctx.Deadline()
	fmt.Println("has deadline:", hasDeadline)
	fmt.Println("slow op:", slowOp(ctx, time.Second))
	fmt.Println("Err:", ctx.Err(), errors.Is(ctx.Err(), context.DeadlineExceeded))

	ctx2, cancel2 := context.WithTimeout(context.Background(), time.Second)
	fmt.Println("fast op:", slowOp(ctx2, 10*time.Millisecond))
	cancel2()
	fmt.Println("cancelled before the timeout:", ctx2.Err())

	// A child cannot outlive its parent's deadline.
	parent, cancelP := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancelP()
	child, cancelC := context.WithTimeout(parent, time.Hour)
	defer cancelC()
	pd, _ := parent.Deadline()
	cd, _ := child.Deadline()
	fmt.Println("child deadline is the parent's:", cd.Equal(pd))
	<-child.Done()
	fmt.Println("child:", child.Err())

	// A shorter child timeout fires first; the parent is unaffected.
	parent2, cancelP2 := context.WithTimeout(context.Background(), time.Hour)
	defer cancelP2()
	child2, cancelC2 := context.WithTimeout(parent2, 10*time.Millisecond)
	defer cancelC2()
	<-child2.Done()
	fmt.Println("child2:", child2.Err(), "parent2:", parent2.Err())

	// Zero and negative timeouts are already expired.
	z, cancelZ := context.WithTimeout(context.Background(), 0)
	defer cancelZ()
	fmt.Println("zero timeout:", z.Err())

	// WithTimeoutCause.
	errSlow := errors.New("backend too slow")
	cc, cancelCC := context.WithTimeoutCause(context.Background(), 10*time.Millisecond, errSlow)
	defer cancelCC()
	<-cc.Done()
	fmt.Println("Err:", cc.Err(), "Cause:", context.Cause(cc))
}
