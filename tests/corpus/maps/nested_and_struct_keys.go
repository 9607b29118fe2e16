// run

package main

import (
	"fmt"
	"sort"
)

type Key struct {
	X, Y int
}

func main() {
	grid := map[Key]string{}
	grid[Key{1, 2}] = "a"
	grid[Key{X: 3, Y: 4}] = "b"
	grid[Key{1, 2}] = "c"
	fmt.Println(len(grid), grid[Key{1, 2}], grid)
	nested := map[string]map[string]int{}
	add := func(a, b string, n int) {
		inner, ok := nested[a]
		if !ok {
			inner = map[string]int{}
			nested[a] = inner
		}
		inner[b] += n
	}
	add("x", "p", 1)
	add("x", "q", 2)
	add("y", "p", 3)
	add("x", "p", 10)
	fmt.Println(nested)
	outer := make([]string, 0)
	for k := range nested {
		outer = append(outer, k)
	}
	sort.Strings(outer)
	for _, k := range outer {
		fmt.Println(k, len(nested[k]))
	}
	lists := map[string][]int{}
	lists["a"] = append(lists["a"], 1, 2)
	lists["b"] = append(lists["b"], 3)
	fmt.Println(lists)
	type pt struct{ a [2]int; s string }
	mk := map[pt]int{{[2]int{1, 2}, "s"}: 5}
	fmt.Println(mk[pt{[2]int{1, 2}, "s"}])
	im := map[any]int{1: 1, "1": 2, 1.0: 3}
	fmt.Println(im[1], im["1"], im[1.0], len(im))
	sm := map[string]*Key{"k": {5, 6}}
	sm["k"].X = 50
	fmt.Println(*sm["k"])
}
