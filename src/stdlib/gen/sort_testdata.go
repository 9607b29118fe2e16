// Command sort_testdata writes src/stdlib/testdata/sort.txt: the order in which Go's sorts
// leave elements with equal keys.
//
//	go run src/stdlib/gen/sort_testdata.go > src/stdlib/testdata/sort.txt
//
// Lines: <op>|<case>|<keys, comma-separated>|<original indexes after sorting>
// ops: slice (sort.Slice ascending), stable (sort.SliceStable), desc (sort.Slice descending).
package main

import (
	"fmt"
	"sort"
	"strings"
)

type elem struct{ key, idx int }

func main() {
	// A deterministic generator, so the inputs need not be stored separately.
	state := uint32(12345)
	rnd := func(n int) int {
		state = state*1103515245 + 12345
		return int((state >> 8) % uint32(n))
	}
	var cases [][]int
	for _, n := range []int{0, 1, 2, 5, 12, 13, 20, 21, 49, 50, 51, 100, 257, 600} {
		for _, distinct := range []int{1, 2, 3, 10, 1000000} {
			k := make([]int, n)
			for i := range k {
				k[i] = rnd(distinct)
			}
			cases = append(cases, k)
		}
		// Sorted, reversed and sawtooth inputs with duplicates.
		a, b, c := make([]int, n), make([]int, n), make([]int, n)
		for i := 0; i < n; i++ {
			a[i] = i / 3
			b[i] = (n - i) / 2
			c[i] = i % 7
		}
		cases = append(cases, a, b, c)
	}
	for ci, keys := range cases {
		ks := make([]string, len(keys))
		for i, k := range keys {
			ks[i] = fmt.Sprint(k)
		}
		for _, op := range []string{"slice", "stable", "desc"} {
			v := make([]elem, len(keys))
			for i, k := range keys {
				v[i] = elem{k, i}
			}
			switch op {
			case "slice":
				sort.Slice(v, func(i, j int) bool { return v[i].key < v[j].key })
			case "stable":
				sort.SliceStable(v, func(i, j int) bool { return v[i].key < v[j].key })
			case "desc":
				sort.Slice(v, func(i, j int) bool { return v[i].key > v[j].key })
			}
			idx := make([]string, len(v))
			for i, e := range v {
				idx[i] = fmt.Sprint(e.idx)
			}
			fmt.Printf("%s|%d|%s|%s\n", op, ci, strings.Join(ks, ","), strings.Join(idx, ","))
		}
	}
}
