// run

package main

import (
	"fmt"
	"sort"
)

type Employee struct {
	Name   string
	Salary int
}

func main() {
	staff := map[int]Employee{
		1: {"Ann", 100},
		2: {"Bob", 90},
	}
	e := staff[1]
	e.Salary += 50
	staff[1] = e
	fmt.Println(staff)
	byDept := map[string][]Employee{}
	byDept["eng"] = append(byDept["eng"], staff[1], staff[2])
	fmt.Println(len(byDept["eng"]), byDept["ops"] == nil)
	wordFreq := map[string]int{}
	for _, w := range []string{"go", "rust", "go", "c", "go", "rust"} {
		wordFreq[w]++
	}
	type kv struct {
		k string
		v int
	}
	var kvs []kv
	for k, v := range wordFreq {
		kvs = append(kvs, kv{k, v})
	}
	sort.Slice(kvs, func(i, j int) bool {
		if kvs[i].v != kvs[j].v {
			return kvs[i].v > kvs[j].v
		}
		return kvs[i].k < kvs[j].k
	})
	fmt.Println(kvs)
	sets := map[string]struct{}{}
	sets["a"] = struct{}{}
	_, has := sets["a"]
	fmt.Println(has, len(sets))
	big := make(map[int]int)
	for i := 0; i < 10000; i++ {
		big[i] = i * i
	}
	for i := 0; i < 10000; i += 2 {
		delete(big, i)
	}
	fmt.Println(len(big), big[9999], big[9998])
}
