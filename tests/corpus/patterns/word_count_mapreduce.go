// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

var docs = []string{
	"the quick brown fox jumps over the lazy dog",
	"the dog barks",
	"a fox is quick and the dog is lazy",
	"go go go",
	"channels and goroutines and select",
	"the end",
}

func mapper(doc string, out chan<- map[string]int) {
	counts := map[string]int{}
	for _, w := range strings.Fields(doc) {
		counts[w]++
	}
	out <- counts
}

func reducer(in <-chan map[string]int, result chan<- map[string]int) {
	total := map[string]int{}
	for m := range in {
		for w, n := range m {
			total[w] += n
		}
	}
	result <- total
}

func main() {
	partial := make(chan map[string]int)
	result := make(chan map[string]int)
	go reducer(partial, result)
	var wg sync.WaitGroup
	for _, d := range docs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mapper(d, partial)
		}()
	}
	wg.Wait()
	close(partial)
	total := <-result

	type wc struct {
		w string
		n int
	}
	var list []wc
	for w, n := range total {
		list = append(list, wc{w, n})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].n != list[j].n {
			return list[i].n > list[j].n
		}
		return list[i].w < list[j].w
	})
	for _, e := range list[:8] {
		fmt.Printf("%-6s %d\n", e.w, e.n)
	}
	fmt.Println("distinct words:", len(list))
	fmt.Println(total)
}
