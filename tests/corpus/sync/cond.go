// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"runtime"
	"sync"
)

// A bounded buffer with two condition variables.
type Buffer struct {
	mu       sync.Mutex
	notEmpty *sync.Cond
	notFull  *sync.Cond
	items    []int
	cap      int
}

func NewBuffer(n int) *Buffer {
	b := &Buffer{cap: n}
	b.notEmpty = sync.NewCond(&b.mu)
	b.notFull = sync.NewCond(&b.mu)
	return b
}

func (b *Buffer) Put(v int) {
	b.mu.Lock()
	for len(b.items) == b.cap {
		b.notFull.Wait()
	}
	b.items = append(b.items, v)
	b.notEmpty.Signal()
	b.mu.Unlock()
}

func (b *Buffer) Get() int {
	b.mu.Lock()
	for len(b.items) == 0 {
		b.notEmpty.Wait()
	}
	v := b.items[0]
	b.items = b.items[1:]
	b.notFull.Signal()
	b.mu.Unlock()
	return v
}

func main() {
	b := NewBuffer(2)
	var wg sync.WaitGroup
	for p := 0; p < 3; p++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 1; i <= 100; i++ {
				b.Put(i)
			}
		}()
	}
	total := 0
	for i := 0; i < 300; i++ {
		total += b.Get()
	}
	wg.Wait()
	fmt.Println("total:", total)

	// Broadcast releases every waiter; Signal releases one at a time.
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	waiting := 0
	generation := 0
	woken := make(chan int, 8)
	for i := 0; i < 8; i++ {
		go func() {
			mu.Lock()
			gen := generation
			waiting++
			for generation == gen {
				c.Wait()
			}
			waiting--
			mu.Unlock()
			woken <- i
		}()
	}
	for {
		mu.Lock()
		w := waiting
		mu.Unlock()
		if w == 8 {
			break
		}
		runtime.Gosched()
	}
	mu.Lock()
	generation++
	c.Broadcast()
	mu.Unlock()
	sum := 0
	for i := 0; i < 8; i++ {
		sum += <-woken
	}
	fmt.Println("broadcast woke all 8, ids sum:", sum)

	// Signal with no waiters is a no-op; so is Broadcast.
	c.Signal()
	c.Broadcast()

	// Signal wakes exactly one waiter per call.
	ready := 0
	var started sync.WaitGroup
	done := make(chan bool, 3)
	for i := 0; i < 3; i++ {
		started.Add(1)
		go func() {
			mu.Lock()
			started.Done()
			for ready == 0 {
				c.Wait()
			}
			ready--
			mu.Unlock()
			done <- true
		}()
	}
	started.Wait()
	for i := 0; i < 3; i++ {
		mu.Lock()
		ready++
		c.Signal()
		mu.Unlock()
		<-done
		fmt.Println("signal", i+1, "woke one waiter")
	}
}
