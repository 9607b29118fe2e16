// run GOMAXPROCS=1

package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
	"time"
)

func spin() {
	for {
	}
}

func main() {
	// A goroutine with an empty infinite loop must be preempted: the single P is shared.
	go spin()
	runtime.Gosched()
	time.Sleep(30 * time.Millisecond)
	fmt.Println("main runs while spin() loops")

	// Main spins waiting for a flag that only another goroutine sets: main must be preempted.
	var flag atomic.Bool
	go func() { flag.Store(true) }()
	for !flag.Load() {
	}
	fmt.Println("flag set by the other goroutine")

	// Several spinners and a timer: the timer still fires.
	for i := 0; i < 3; i++ {
		go spin()
	}
	select {
	case <-time.After(40 * time.Millisecond):
		fmt.Println("timer fired despite 4 spinners")
	}

	// A spinner doing arithmetic; main reads its progress.
	var n atomic.Int64
	go func() {
		x := 0
		for {
			x++
			if x%1000 == 0 {
				n.Store(int64(x))
			}
		}
	}()
	time.Sleep(30 * time.Millisecond)
	fmt.Println("counting spinner progressed:", n.Load() > 0)
}
