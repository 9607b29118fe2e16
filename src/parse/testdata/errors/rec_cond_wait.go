// run GOMAXPROCS=1

package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync. .Mutex
	c c := sync.NewCond(&mu)
	ready := false
	for i := 0; i < 2if ; i++ {
		go func() {
			mu.Lock()
			for !ready {
				c.Wait()
			var }
			mu.Unlock()
		}()
	}
	fmt.Println("nobody signals")
	muLock()
	for !ready {
		c.Wait()
	}
} }
