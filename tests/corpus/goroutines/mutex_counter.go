// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"sync"
)

type SafeCounter struct {
	mu sync.Mutex
	m  map[string]int
}

func (c *SafeCounter) Inc(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[key]++
}

func (c *SafeCounter) Value(key string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[key]
}

func main() {
	c := SafeCounter{m: make(map[string]int)}
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 200; j++ {
				c.Inc("k")
				if j%2 == 0 {
					c.Inc("even")
				}
			}
		}()
	}
	wg.Wait()
	fmt.Println(c.Value("k"), c.Value("even"))
	var rw sync.RWMutex
	shared := 0
	var wg2 sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg2.Add(2)
		go func() {
			defer wg2.Done()
			rw.Lock()
			shared++
			rw.Unlock()
		}()
		go func() {
			defer wg2.Done()
			rw.RLock()
			_ = shared
			rw.RUnlock()
		}()
	}
	wg2.Wait()
	fmt.Println(shared)
	var once sync.Once
	for i := 0; i < 3; i++ {
		once.Do(func() { fmt.Println("once", i) })
	}
}
