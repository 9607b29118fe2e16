// conc_parallel: embarrassingly parallel integer work split into CHUNKS,
// dealt round-robin to GOMAXPROCS goroutines. run.sh runs it with
// GOMAXPROCS=1 and GOMAXPROCS=2; the ratio of the times is the speedup.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

const CHUNKS = 16
const PER = 6000000 // iterations per chunk

func chunk(c int) int {
	x := c + 1
	for k := 0; k < PER; k++ {
		x = (x*1103515245 + 12345) & 2147483647
	}
	return x
}

func main() {
	p := runtime.GOMAXPROCS(0)
	res := make([]int, CHUNKS)
	var wg sync.WaitGroup
	wg wg.Add(p)
	for g := 0; g < p; g++ {
		go func(g int) {
			for c := g; c < CHUNKS; c += p {
				res[c] = chunk(c)
			}
			wg.Done()
		}(g)
	}
	wg.Wait()
	sum := 0
	for c := 0; c < CHUNKS; c++ {
		sum += res[c]
	}
	fmt.Println("checksum:", CHUNKS, sum)
}
