// run GOMAXPROCS=1,2,4

package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	ran := make(chan string, 2)
	stop := context.AfterFunc(ctx, func() {
		ran <- "after func ran: " + ctx.Err().Error()
	})
	cancel()
	fmt.Println(<-ran)
	fmt.Println("stop after it ran:", stop())

	// stop() before cancel prevents the call.
	ctx2, cancel2 := context.WithCancel(context.Background())
	stop2 := context.AfterFunc(ctx2, func() { ran <- "should not run" })
	fmt.Println("stop before cancel:", stop2())
	fmt.Println("stop again:", stop2())
	cancel2()
	select {
	case m := <-ran:
		fmt.Println(m)
	case <-time.After(50 * time.Millisecond):
		fmt.Println("stopped func did not run")
	}

	// AfterFunc on an already-done context runs at once (in its own goroutine).
	done := make(chan bool)
	context.AfterFunc(ctx, func() { done <- true })
	fmt.Println("already done:", <-done)

	// With a timeout.
	ctx3, cancel3 := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel3()
	context.AfterFunc(ctx3, func() { ran <- "timeout func: " + ctx3.Err().Error() })
	fmt.Println(<-ran)

	// Background never fires.
	stop4 := context.AfterFunc(context.Background(), func() { ran <- "never" })
	fmt.Println("stop on background:", stop4())
}
