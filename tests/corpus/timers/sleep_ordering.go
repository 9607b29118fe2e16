// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	// Goroutines wake in the order of their sleep durations, not their start order.
	var mu sync.Mutex
	var order []int
	var wg sync.WaitGroup
	for _, ms := range []int{250, 50, 200, 100, 150, 0} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(ms) * time.Millisecond)
			mu.Lock()
			order = append(order, ms)
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(order)

	// Sleep really waits at least the requested time.
	for _, d := range []time.Duration{time.Millisecond, 10 * time.Millisecond, 30 * time.Millisecond} {
		start := time.Now()
		time.Sleep(d)
		fmt.Println(d, "slept long enough:", time.Since(start) >= d)
	}

	// Zero and negative durations return immediately.
	start := time.Now()
	time.Sleep(0)
	time.Sleep(-time.Hour)
	fmt.Println("no wait:", time.Since(start) < time.Second)

	// Main sleeping lets a goroutine run to completion first.
	msgs := make(chan string, 2)
	go func() { msgs <- "goroutine" }()
	time.Sleep(50 * time.Millisecond)
	msgs <- "main"
	fmt.Println(<-msgs, <-msgs)
}
