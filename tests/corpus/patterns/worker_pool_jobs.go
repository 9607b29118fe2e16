// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type job struct {
	id   int
	text string
}

type result struct {
	id    int
	upper string
	words int
}

func worker(jobs <-chan job, results chan<- result, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		results <- result{j.id, strings.ToUpper(j.text), len(strings.Fields(j.text))}
	}
}

func main() {
	texts := []string{
		"the quick brown fox", "jumps over", "the lazy dog", "go routines",
		"channels are typed conduits", "select waits", "on multiple", "communication operations",
		"a", "worker pool",
	}
	jobs := make(chan job, len(texts))
	results := make(chan result, len(texts))
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go worker(jobs, results, &wg)
	}
	for i, t := range texts {
		jobs <- job{i, t}
	}
	close(jobs)
	wg.Wait()
	close(results)
	var all []result
	for r := range results {
		all = append(all, r)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].id < all[j].id })
	words := 0
	for _, r := range all {
		fmt.Printf("%2d %-28s %d\n", r.id, r.upper, r.words)
		words += r.words
	}
	fmt.Println("total words:", words)
}
