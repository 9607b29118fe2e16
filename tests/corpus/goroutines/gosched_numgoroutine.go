// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	fmt.Println("start", runtime.NumGoroutine())
	done := make(chan bool)
	block := make(chan struct{})
	for i := 0; i < 5; i++ {
		go func() {
			done <- true
			<-block
		}()
	}
	for i := 0; i < 5; i++ {
		<-done
	}
	fmt.Println("with 5 blocked", runtime.NumGoroutine())
	close(block)
	var wg sync.WaitGroup
	counter := 0
	var mu sync.Mutex
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				mu.Lock()
				counter++
				mu.Unlock()
				runtime.Gosched()
			}
		}()
	}
	wg.Wait()
	fmt.Println("counter", counter)
	for runtime.NumGoroutine() > 1 {
		runtime.Gosched()
	}
	fmt.Println("end", runtime.NumGoroutine())
}
