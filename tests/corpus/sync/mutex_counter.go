// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *Counter) Inc(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n[key]++
}

func main() {
	c := Counter{n: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				c.Inc("total")
				if i%2 == 0 {
					c.Inc("even")
				}
			}
		}()
	}
	wg.Wait()
	fmt.Println(c.n)

	// TryLock.
	var mu sync.Mutex
	fmt.Println("TryLock on free mutex:", mu.TryLock())
	fmt.Println("TryLock on held mutex:", mu.TryLock())
	mu.Unlock()
	fmt.Println("TryLock after Unlock:", mu.TryLock())
	mu.Unlock()

	// A mutex handed between goroutines: unlocked by a different goroutine than the locker.
	var handoff sync.Mutex
	handoff.Lock()
	done := make(chan bool)
	go func() {
		handoff.Lock() // waits for main's Unlock
		fmt.Println("goroutine acquired the mutex")
		done <- true
	}()
	handoff.Unlock()
	<-done
	handoff.Unlock() // main unlocks what the goroutine locked: allowed
	fmt.Println("unlocked by another goroutine")

	// sync.Locker interface.
	var l sync.Locker = &mu
	l.Lock()
	l.Unlock()
	fmt.Println("Locker works")
}
