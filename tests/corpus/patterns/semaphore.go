// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	const limit = 3
	sem := make(chan struct{}, limit)
	var running, maxRunning atomic.Int32
	var wg sync.WaitGroup
	results := make([]int, 12)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{} // acquire
			defer func() { <-sem }()
			n := running.Add(1)
			for {
				m := maxRunning.Load()
				if n <= m || maxRunning.CompareAndSwap(m, n) {
					break
				}
			}
			time.Sleep(5 * time.Millisecond)
			results[i] = i * i
			running.Add(-1)
		}()
	}
	wg.Wait()
	fmt.Println(results)
	fmt.Println("never more than", limit, "at once:", maxRunning.Load() <= limit)
	fmt.Println("at least one ran:", maxRunning.Load() >= 1, "running now:", running.Load())
	fmt.Println("semaphore empty:", len(sem) == 0, "capacity:", cap(sem))
}
