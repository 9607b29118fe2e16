// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	tk := time.NewTicker(20 * time.Millisecond)
	for i := 0; i < 3; i++ {
		<-tk.C
	}
	fmt.Println("3 ticks, at least 60ms:", time.Since(start) >= 60*time.Millisecond)

	// Reset changes the period.
	tk.Reset(100 * time.Millisecond)
	start = time.Now()
	<-tk.C
	fmt.Println("after Reset the period is longer:", time.Since(start) >= 80*time.Millisecond)

	// Stop: no more ticks.
	tk.Stop()
	select {
	case <-tk.C:
		fmt.Println("tick after Stop")
	case <-time.After(150 * time.Millisecond):
		fmt.Println("no tick after Stop")
	}

	// Reset restarts a stopped ticker.
	tk.Reset(10 * time.Millisecond)
	<-tk.C
	<-tk.C
	fmt.Println("restarted")
	tk.Stop()

	// A slow reader does not accumulate ticks: at most one is buffered.
	slow := time.NewTicker(100 * time.Millisecond)
	time.Sleep(350 * time.Millisecond) // ticks due at 100, 200 and 300ms; the next at 400ms
	got := 0
	timeout := time.After(10 * time.Millisecond)
loop:
	for {
		select {
		case <-slow.C:
			got++
			if got > 1 {
				break loop
			}
		case <-timeout:
			break loop
		}
	}
	slow.Stop()
	fmt.Println("ticks ready at once:", got)

	// NewTicker panics on a non-positive period.
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		time.NewTicker(0)
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		t := time.NewTicker(time.Second)
		defer t.Stop()
		t.Reset(-1)
	}()
}
