// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"sync"
)

type fork struct{ sync.Mutex }

type philosopher struct {
	id          int
	left, right *fork
	meals       int
}

// eat takes the lower-numbered fork first: no cycle in the wait-for graph, so no deadlock.
func (p *philosopher) dine(rounds int, host chan struct{}, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < rounds; i++ {
		host <- struct{}{} // at most 4 at the table
		first, second := p.left, p.right
		if p.id == 4 {
			first, second = second, first
		}
		first.Lock()
		second.Lock()
		p.meals++
		second.Unlock()
		first.Unlock()
		<-host
	}
}

func main() {
	forks := make([]*fork, 5)
	for i := range forks {
		forks[i] = new(fork)
	}
	ps := make([]*philosopher, 5)
	for i := range ps {
		ps[i] = &philosopher{id: i, left: forks[i], right: forks[(i+1)%5]}
	}
	host := make(chan struct{}, 4)
	var wg sync.WaitGroup
	for _, p := range ps {
		wg.Add(1)
		go p.dine(100, host, &wg)
	}
	wg.Wait()
	total := 0
	for _, p := range ps {
		fmt.Printf("philosopher %d ate %d meals\n", p.id, p.meals)
		total += p.meals
	}
	fmt.Println("total meals:", total)
}
