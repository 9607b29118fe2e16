// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var n int64
	var u atomic.Uint32
	var flag atomic.Bool
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 1000; j++ {
				atomic.AddInt64(&n, 1)
				u.Add(2)
			}
			flag.Store(true)
		}()
	}
	wg.Wait()
	fmt.Println(atomic.LoadInt64(&n), u.Load(), flag.Load())
	var v atomic.Int64
	fmt.Println(v.CompareAndSwap(0, 5), v.CompareAndSwap(0, 6), v.Load(), v.Swap(9), v.Load())
	var val atomic.Value
	val.Store("config-v1")
	fmt.Println(val.Load().(string))
}
