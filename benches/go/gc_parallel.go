// gc_parallel: WORKERS goroutines allocate in parallel, each building and
// dropping trees whose nodes point back at their parent (cycles), while a
// shared live tree stays reachable. Prints the collector's pauses after the
// checksum.
package main

import (
	"fmt"
	"runtime"
	"sort"
	"sync"
)

const WORKERS = 4
const ROUNDS = 1000
const DEPTH = 10

type Node struct {
	parent      *Node
	left, right *Node
	val         int
}

func build(parent *Node, d, v int) *Node {
	n := &Node{parent: parent, val: v}
	if d > 0 {
		n.left = build(n, d-1, 2*v)
		n.right = build(n, d-1, 2*v+1)
	}
	return n
}

func (n *Node) sum() int {
	if n == nil {
		return 0
	}
	s := n.val & 1023
	if n.parent != nil {
		s++
	}
	return s + n.left.sum() + n.right.sum()
}

func main() {
	live := build(nil, 16, 1)
	var wg sync.WaitGroup
	results := make([]int, WORKERS)
	for w := 0; w < WORKERS; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			s := 0
			for r := 0; r < ROUNDS; r++ {
				s += build(nil, DEPTH, w+r).sum()
			}
			results[w] = s
		}(w)
	}
	wg.Wait()
	total := live.sum()
	for _, s := range results {
		total += s
	}
	fmt.Println("checksum:", total)
	printPauses()
}

// printPauses prints the stop-the-world pause of the recent cycles (the last
// 256, as MemStats keeps them): median, 99th percentile, maximum.
func printPauses() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	n := int(ms.NumGC)
	if n > 256 {
		n = 256
	}
	p := make([]uint64, 0, n)
	for i := 0; i < n; i++ {
		p = append(p, ms.PauseNs[(int(ms.NumGC)-1-i+256)%256])
	}
	sort.Slice(p, func(i, j int) bool { return p[i] < p[j] })
	ms3 := func(ns uint64) float64 { return float64(ns) / 1e6 }
	if n == 0 {
		fmt.Println("gcpause: cycles=0")
		return
	}
	fmt.Printf("gcpause: cycles=%d p50=%.3fms p99=%.3fms max=%.3fms\n",
		ms.NumGC, ms3(p[n/2]), ms3(p[(n*99)/100]), ms3(p[n-1]))
}
