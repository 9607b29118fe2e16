// gc_churn: a large live heap (a map of ENTRIES records, each a pair that
// points at itself through its peer: a cycle) updated in a loop; every update
// makes the replaced pair garbage. Prints the collector's pauses (ReadMemStats)
// after the checksum.
package main

import (
	"fmt"
	"runtime"
	"sort"
)

const ENTRIES = 400000
const UPDATES = 2000000

type Rec struct {
	id    int
	name  string
	vals  [4]int
	peer  *Rec
	owner *Rec
}

func pair(id int) *Rec {
	a := &Rec{id: id, name: "rec"}
	b := &Rec{id: -id, owner: a}
	a.peer = b
	b.peer = a
	for i := range a.vals {
		a.vals[i] = id + i
	}
	return a
}

func main() {
	m := make(map[int]*Rec, ENTRIES)
	for i := 0; i < ENTRIES; i++ {
		m[i] = pair(i)
	}
	x := 12345
	sum := 0
	for u := 0; u < UPDATES; u++ {
		x = (x*1103515245 + 12345) & 2147483647
		k := x % ENTRIES
		old := m[k]
		sum += old.vals[3] - old.peer.id
		m[k] = pair(k + u)
	}
	for _, r := range m {
		sum += r.vals[0] & 7
	}
	fmt.Println("checksum:", sum&0xffffffff, len(m))
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
