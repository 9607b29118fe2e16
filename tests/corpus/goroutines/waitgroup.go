// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	results := make([]int, 10)
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = i * i
		}()
	}
	wg.Wait()
	fmt.Println(results)
	var wg2 sync.WaitGroup
	wg2.Wait() // zero counter: returns at once
	total := 0
	var mu sync.Mutex
	for i := 1; i <= 100; i++ {
		wg2.Add(1)
		go func(n int) {
			defer wg2.Done()
			mu.Lock()
			total += n
			mu.Unlock()
		}(i)
	}
	wg2.Wait()
	fmt.Println(total)
	var wg3 sync.WaitGroup
	wg3.Go(func() { fmt.Println("started with WaitGroup.Go") })
	wg3.Wait()
}
