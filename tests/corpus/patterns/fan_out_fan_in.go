// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"sort"
	"sync"
)

func producer(n int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 1; i <= n; i++ {
			out <- i
		}
	}()
	return out
}

type result struct {
	worker, in, out int
}

// square is one of several workers reading from the same channel (fan-out).
func square(id int, in <-chan int) <-chan result {
	out := make(chan result)
	go func() {
		defer close(out)
		for n := range in {
			out <- result{id, n, n * n}
		}
	}()
	return out
}

// merge combines several channels into one (fan-in).
func merge(cs ...<-chan result) <-chan result {
	var wg sync.WaitGroup
	out := make(chan result)
	for _, c := range cs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range c {
				out <- r
			}
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func main() {
	in := producer(20)
	workers := make([]<-chan result, 4)
	for i := range workers {
		workers[i] = square(i, in)
	}
	var results []result
	perWorker := map[int]int{}
	for r := range merge(workers...) {
		results = append(results, r)
		perWorker[r.worker]++
	}
	sort.Slice(results, func(i, j int) bool { return results[i].in < results[j].in })
	total := 0
	for _, r := range results {
		fmt.Printf("%d^2=%d ", r.in, r.out)
		total += r.out
	}
	fmt.Println()
	sum := 0
	for _, n := range perWorker {
		sum += n
	}
	fmt.Println("results:", len(results), "total:", total, "counted per worker:", sum)
}
