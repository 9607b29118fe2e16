// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"sync"
)

// Barrier blocks each caller of Wait until n goroutines have called it; it is reusable.
type Barrier struct {
	mu    sync.Mutex
	cond  *sync.Cond
	n     int
	count int
	phase int
}

func NewBarrier(n int) *Barrier {
	b := &Barrier{n: n}
	b.cond = sync.NewCond(&b.mu)
	return b
}

func (b *Barrier) Wait() {
	b.mu.Lock()
	defer b.mu.Unlock()
	phase := b.phase
	b.count++
	if b.count == b.n {
		b.count = 0
		b.phase++
		b.cond.Broadcast()
		return
	}
	for phase == b.phase {
		b.cond.Wait()
	}
}

func main() {
	const workers = 5
	const phases = 4
	b := NewBarrier(workers)
	// grid[p][w]: what worker w computed in phase p; each phase reads the previous one.
	grid := make([][]int, phases+1)
	for p := range grid {
		grid[p] = make([]int, workers)
	}
	for w := range grid[0] {
		grid[0][w] = w + 1
	}
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := 1; p <= phases; p++ {
				left := grid[p-1][(w+workers-1)%workers]
				right := grid[p-1][(w+1)%workers]
				grid[p][w] = left + right
				b.Wait() // nobody starts phase p+1 before everyone finished phase p
			}
		}()
	}
	wg.Wait()
	for p, row := range grid {
		fmt.Println("phase", p, row)
	}

	// The same with channels: a round of n arrivals, then release.
	arrive := make(chan int)
	release := make([]chan struct{}, workers)
	for i := range release {
		release[i] = make(chan struct{})
	}
	results := make(chan string, workers*2)
	for w := 0; w < workers; w++ {
		go func() {
			results <- fmt.Sprint("before ", w)
			arrive <- w
			<-release[w]
			results <- fmt.Sprint("after ", w)
		}()
	}
	for i := 0; i < workers; i++ {
		<-arrive
	}
	befores := len(results)
	for _, r := range release {
		close(r)
	}
	for i := 0; i < workers*2; i++ {
		<-results
	}
	fmt.Println("all", befores, "arrived before anyone was released")
}
