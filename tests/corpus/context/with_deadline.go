// run GOMAXPROCS=1,2,4

package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func main() {
	d := time.Now().Add(40 * time.Millisecond)
	ctx, cancel := context.WithDeadline(context.Background(), d)
	defer cancel()
	got, ok := ctx.Deadline()
	fmt.Println("Deadline:", got.Equal(d), ok)
	fmt.Println("before:", ctx.Err())
	start := time.Now()
	<-ctx.Done()
	fmt.Println("after:", ctx.Err(), "waited:", time.Since(start) >= 30*time.Millisecond)

	// A deadline in the past.
	past, cancel2 := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel2()
	select {
	case <-past.Done():
		fmt.Println("past deadline: done at once:", past.Err())
	default:
		fmt.Println("past deadline not done")
	}

	// Cancel before the deadline: Err is Canceled, not DeadlineExceeded.
	far, cancel3 := context.WithDeadline(context.Background(), time.Now().Add(time.Hour))
	cancel3()
	fmt.Println("cancelled early:", far.Err(), errors.Is(far.Err(), context.DeadlineExceeded))

	// DeadlineExceeded is a timeout error.
	var te interface{ Timeout() bool }
	fmt.Println("Timeout():", errors.As(context.DeadlineExceeded, &te) && te.Timeout())

	// WithDeadlineCause.
	cause := errors.New("quota window closed")
	c, cancel4 := context.WithDeadlineCause(context.Background(), time.Now().Add(10*time.Millisecond), cause)
	defer cancel4()
	<-c.Done()
	fmt.Println(c.Err(), "/", context.Cause(c))
}
