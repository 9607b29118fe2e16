// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(20 * time.Millisecond)
	<-t.C
	fmt.Println("fired")
	fmt.Println("Stop after fire:", t.Stop())

	t = time.NewTimer(time.Hour)
	fmt.Println("Stop before fire:", t.Stop())
	fmt.Println("Stop again:", t.Stop())
	select {
	case <-t.C:
		fmt.Println("stopped timer delivered a value")
	case <-time.After(50 * time.Millisecond):
		fmt.Println("stopped timer stays silent")
	}

	// Reset a stopped timer.
	fmt.Println("Reset stopped:", t.Reset(10*time.Millisecond))
	<-t.C
	fmt.Println("fired after reset")

	// Reset an active timer: it fires at the new time, once.
	t = time.NewTimer(time.Hour)
	fmt.Println("Reset active:", t.Reset(20*time.Millisecond))
	start := time.Now()
	<-t.C
	fmt.Println("reset timer fired early:", time.Since(start) < 30*time.Minute)

	// Since Go 1.23 a Stop or Reset discards a pending value: no stale value after Reset.
	t = time.NewTimer(5 * time.Millisecond)
	time.Sleep(50 * time.Millisecond) // the timer has expired, nobody read C
	t.Reset(100 * time.Millisecond)
	select {
	case <-t.C:
		fmt.Println("stale value")
	case <-time.After(30 * time.Millisecond):
		fmt.Println("no stale value after Reset")
	}
	<-t.C
	fmt.Println("fired after 100ms")

	// Many timers fire in order of their durations.
	done := make(chan int, 5)
	for _, ms := range []int{180, 60, 300, 120, 240} {
		tm := time.NewTimer(time.Duration(ms) * time.Millisecond)
		go func() {
			<-tm.C
			done <- ms
		}()
	}
	for i := 0; i < 5; i++ {
		fmt.Print(<-done, " ")
	}
	fmt.Println()

	// len(t.C) is always 0 for the synchronous channels of Go 1.23+.
	t = time.NewTimer(time.Millisecond)
	time.Sleep(20 * time.Millisecond)
	fmt.Println("len(C):", len(t.C), "cap(C):", cap(t.C))
	<-t.C
	fmt.Println("value still delivered")
}
