// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

type Cache struct {
	mu   sync.RWMutex
	data map[string]int
}

func (c *Cache) Get(k string) (int, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.data[k]
	return v, ok
}

func (c *Cache) Set(k string, v int) {
	c.mu.Lock()
	c.data[k] = v
	c.mu.Unlock()
}

func main() {
	c := &Cache{data: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Set(fmt.Sprintf("k%d", i), i*i)
		}()
	}
	wg.Wait()
	var hits atomic.Int32
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, ok := c.Get(fmt.Sprintf("k%d", i)); ok {
				hits.Add(1)
			}
		}()
	}
	wg.Wait()
	fmt.Println("hits:", hits.Load())
	keys := make([]string, 0)
	for k := range c.data {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(keys)

	// Several readers hold the lock at the same time.
	var rw sync.RWMutex
	var inside, maxInside atomic.Int32
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rw.RLock()
			n := inside.Add(1)
			for {
				m := maxInside.Load()
				if n <= m || maxInside.CompareAndSwap(m, n) {
					break
				}
			}
			time.Sleep(50 * time.Millisecond)
			inside.Add(-1)
			rw.RUnlock()
		}()
	}
	wg.Wait()
	fmt.Println("readers shared the lock:", maxInside.Load() > 1)

	// A writer excludes readers.
	rw.Lock()
	fmt.Println("TryRLock while write-locked:", rw.TryRLock())
	fmt.Println("TryLock while write-locked:", rw.TryLock())
	rw.Unlock()
	fmt.Println("TryRLock when free:", rw.TryRLock())
	fmt.Println("TryLock while read-locked:", rw.TryLock())
	rw.RUnlock()

	// RLocker.
	l := rw.RLocker()
	l.Lock()
	fmt.Println("TryLock while RLocker holds:", rw.TryLock())
	l.Unlock()
	fmt.Println("TryLock after RLocker released:", rw.TryLock())
	rw.Unlock()
}
