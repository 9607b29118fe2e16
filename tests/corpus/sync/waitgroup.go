// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	results := make([]int, 10)
	wg.Add(len(results))
	for i := range results {
		go func() {
			defer wg.Done()
			results[i] = i * i
		}()
	}
	wg.Wait()
	fmt.Println(results)

	// Wait on a zero counter returns immediately, and a WaitGroup can be reused.
	wg.Wait()
	for round := 1; round <= 3; round++ {
		sum := 0
		var mu sync.Mutex
		for i := 1; i <= round*10; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				mu.Lock()
				sum += i
				mu.Unlock()
			}()
		}
		wg.Wait()
		fmt.Println("round", round, "sum", sum)
	}

	// Several goroutines can Wait on the same WaitGroup.
	var gate sync.WaitGroup
	gate.Add(1)
	var waiters sync.WaitGroup
	woke := make(chan int, 5)
	for i := 0; i < 5; i++ {
		waiters.Add(1)
		go func() {
			defer waiters.Done()
			gate.Wait()
			woke <- i
		}()
	}
	gate.Done()
	waiters.Wait()
	close(woke)
	total := 0
	for i := range woke {
		total += i
	}
	fmt.Println("all waiters woke, ids sum to", total)

	// Add with a count larger than one, Done several times.
	var multi sync.WaitGroup
	multi.Add(3)
	go func() {
		for i := 0; i < 3; i++ {
			multi.Done()
		}
	}()
	multi.Wait()
	fmt.Println("multi done")
}
