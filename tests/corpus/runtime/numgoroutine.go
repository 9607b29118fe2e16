// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"runtime"
	"sync"
)

func waitFor(n int) {
	for runtime.NumGoroutine() != n {
		runtime.Gosched()
	}
}

func main() {
	fmt.Println("at start:", runtime.NumGoroutine())
	block := make(chan struct{})
	var started sync.WaitGroup
	for i := 0; i < 10; i++ {
		started.Add(1)
		go func() {
			started.Done()
			<-block
		}()
	}
	started.Wait()
	fmt.Println("with 10 blocked:", runtime.NumGoroutine())
	close(block)
	waitFor(1)
	fmt.Println("after they exit:", runtime.NumGoroutine())

	// Goroutines blocked in different ways all count.
	var mu sync.Mutex
	mu.Lock()
	ch := make(chan int)
	var wg sync.WaitGroup
	wg.Add(1)
	started.Add(3)
	go func() { started.Done(); mu.Lock(); mu.Unlock() }()
	go func() { started.Done(); <-ch }()
	go func() { started.Done(); wg.Wait() }()
	started.Wait()
	waitFor(4)
	fmt.Println("mutex, chan and WaitGroup waiters:", runtime.NumGoroutine())
	mu.Unlock()
	ch <- 1
	wg.Done()
	waitFor(1)
	fmt.Println("all released:", runtime.NumGoroutine())

	// A goroutine that exits through Goexit stops counting too.
	go func() { runtime.Goexit() }()
	waitFor(1)
	fmt.Println("after Goexit:", runtime.NumGoroutine())
}
