// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	const n = 100000
	var wg sync.WaitGroup
	var sum atomic.Int64
	wg.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			sum.Add(int64(i))
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println(sum.Load())
	release := make(chan struct{})
	var parked sync.WaitGroup
	parked.Add(10000)
	var woke atomic.Int32
	for i := 0; i < 10000; i++ {
		go func() {
			parked.Done()
			<-release
			woke.Add(1)
		}()
	}
	parked.Wait()
	close(release)
	for woke.Load() < 10000 {
	}
	fmt.Println("woke", woke.Load())
}
