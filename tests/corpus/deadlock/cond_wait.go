// run GOMAXPROCS=1

package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	ready := false
	for i := 0; i < 2; i++ {
		go func() {
			mu.Lock()
			for !ready {
				c.Wait()
			}
			mu.Unlock()
		}()
	}
	fmt.Println("nobody signals")
	mu.Lock()
	for !ready {
		c.Wait()
	}
}
