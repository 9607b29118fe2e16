// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var wg sync.WaitGroup
	var sum atomic.Int64
	for i := 1; i <= 100; i++ {
		wg.Go(func() {
			sum.Add(int64(i))
		})
	}
	wg.Wait()
	fmt.Println("sum:", sum.Load())

	// wg.Go nests: goroutines started by wg.Go can start more.
	var nested sync.WaitGroup
	var count atomic.Int32
	for i := 0; i < 4; i++ {
		nested.Go(func() {
			for j := 0; j < 4; j++ {
				nested.Go(func() {
					count.Add(1)
				})
			}
		})
	}
	nested.Wait()
	fmt.Println("nested:", count.Load())

	// Mixing Go with Add/Done.
	var mixed sync.WaitGroup
	out := make([]string, 3)
	mixed.Add(1)
	go func() {
		defer mixed.Done()
		out[0] = "add/done"
	}()
	mixed.Go(func() { out[1] = "go" })
	mixed.Go(func() { out[2] = "go again" })
	mixed.Wait()
	fmt.Println(out)
}
