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
			defer wg.Done()
			sum.Add(int64(i))
		}()
	}
	wg.Wait()
	fmt.Println("goroutines:", n, "sum:", sum.Load())

	// 100000 goroutines all parked at once on one channel, then released.
	start := make(chan struct{})
	var count atomic.Int64
	wg.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			defer wg.Done()
			<-start
			count.Add(1)
		}()
	}
	close(start)
	wg.Wait()
	fmt.Println("released:", count.Load())
}
