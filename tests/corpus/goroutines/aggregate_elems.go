// run GOMAXPROCS=1,2,4

// Goroutines writing different elements of one array, or different fields of one struct,
// never lose each other's writes, wherever the aggregate lives.
package main

import (
	"fmt"
	"sync"
)

var g [1000]int

type pair struct{ a, b int }

var gp pair

func main() {
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for r := 0; r < 50; r++ {
				for i := w; i < len(g); i += 4 {
					g[i]++
				}
			}
		}(w)
	}
	wg.Wait()
	sum := 0
	for _, v := range g {
		sum += v
	}
	fmt.Println("global array", sum)

	var p pair
	var local [64]int
	wg.Add(4)
	go func() {
		defer wg.Done()
		for i := 0; i < 20000; i++ {
			p.a++
			gp.a++
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 20000; i++ {
			p.b++
			gp.b++
		}
	}()
	for h := 0; h < 2; h++ {
		go func(h int) {
			defer wg.Done()
			for r := 0; r < 1000; r++ {
				for i := h; i < 64; i += 2 {
					local[i] += 2
				}
			}
		}(h)
	}
	wg.Wait()
	total := 0
	for _, v := range local {
		total += v
	}
	fmt.Println("captured struct", p, "global struct", gp, "captured array", total)
}
