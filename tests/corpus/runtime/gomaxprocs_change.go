// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"runtime"
	"sync"
)

func work() int {
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := 0
			for j := 0; j < 100000; j++ {
				s += j % 7
			}
			mu.Lock()
			total += s
			mu.Unlock()
		}()
	}
	wg.Wait()
	return total
}

func main() {
	fmt.Println("NumCPU > 0:", runtime.NumCPU() > 0)
	orig := runtime.GOMAXPROCS(0)
	fmt.Println("GOMAXPROCS(0) does not change it:", runtime.GOMAXPROCS(0) == orig)
	fmt.Println("GOMAXPROCS(-1) does not change it:", runtime.GOMAXPROCS(-1) == orig)
	fmt.Println("set 1, previous was the original:", runtime.GOMAXPROCS(1) == orig)
	fmt.Println("now", runtime.GOMAXPROCS(0), "work", work())
	for _, n := range []int{2, 4, 3} {
		prev := runtime.GOMAXPROCS(n)
		fmt.Printf("set %d, prev %d, now %d, work %d\n", n, prev, runtime.GOMAXPROCS(0), work())
	}
	// Changing GOMAXPROCS while goroutines are blocked and running keeps them all alive.
	results := make(chan int)
	for i := 0; i < 4; i++ {
		go func() { results <- work() }()
	}
	runtime.GOMAXPROCS(1)
	runtime.GOMAXPROCS(2)
	sum := 0
	for i := 0; i < 4; i++ {
		sum += <-results
	}
	fmt.Println("sum while changing:", sum)
	runtime.GOMAXPROCS(orig)
	fmt.Println("restored:", runtime.GOMAXPROCS(0) == orig)
}
