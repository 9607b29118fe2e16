// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"sync"
)

type Queue struct {
	mu    sync.Mutex
	cond  *sync.Cond
	items []int
}

func NewQueue() *Queue {
	q := &Queue{}
	q.cond = sync.NewCond(&q.mu)
	return q
}

func (q *Queue) Put(v int) {
	q.mu.Lock()
	q.items = append(q.items, v)
	q.mu.Unlock()
	q.cond.Signal()
}

func (q *Queue) Get() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		q.cond.Wait()
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v
}

func main() {
	q := NewQueue()
	var wg sync.WaitGroup
	sums := make([]int, 3)
	for c := 0; c < 3; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				sums[c] += q.Get()
			}
		}()
	}
	for i := 1; i <= 30; i++ {
		q.Put(i)
	}
	wg.Wait()
	fmt.Println(sums[0] + sums[1] + sums[2])
	ready := false
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	var started sync.WaitGroup
	for i := 0; i < 4; i++ {
		started.Add(1)
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			started.Done()
			for !ready {
				cond.Wait()
			}
			mu.Unlock()
		}()
	}
	started.Wait()
	mu.Lock()
	ready = true
	mu.Unlock()
	cond.Broadcast()
	wg.Wait()
	fmt.Println("all woken by Broadcast")
}
