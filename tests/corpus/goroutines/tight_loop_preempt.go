// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

func main() {
	var stop atomic.Bool
	var spins atomic.Int64
	go func() {
		for !stop.Load() {
			spins.Add(1) // a tight loop: only asynchronous preemption lets main run at GOMAXPROCS=1
		}
	}()
	go func() {
		x := 0
		for {
			x++
		}
	}()
	time.Sleep(50 * time.Millisecond)
	fmt.Println("main ran despite spinning goroutines")
	stop.Store(true)
	fmt.Println("spinner made progress:", spins.Load() > 0)
}
