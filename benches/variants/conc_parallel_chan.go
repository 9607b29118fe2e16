// conc_parallel with a channel instead of sync.WaitGroup.
package main

import (
	"fmt"
	"runtime"
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
	done := make(chan int, p)
	for g := 0; g < p; g++ {
		go func(g int) {
			for c := g; c < CHUNKS; c += p {
				res[c] = chunk(c)
			}
			done <- 1
		}(g)
	}
	for g := 0; g < p; g++ {
		<-done
	}
	sum := 0
	for c := 0; c < CHUNKS; c++ {
		sum += res[c]
	}
	fmt.Println("checksum:", CHUNKS, sum)
}
