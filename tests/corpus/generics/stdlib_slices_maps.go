// run

package main

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
)

type P struct {
	Name string
	Age  int
}

type Ints []int

func main() {
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	keys := slices.Sorted(maps.Keys(m))
	fmt.Println(keys)
	vals := slices.Collect(maps.Values(m))
	slices.Sort(vals)
	fmt.Println(vals)
	ps := []P{{"x", 30}, {"y", 20}, {"z", 30}, {"w", 10}}
	slices.SortStableFunc(ps, func(a, b P) int { return cmp.Compare(a.Age, b.Age) })
	fmt.Println(ps)
	slices.SortFunc(ps, func(a, b P) int { return strings.Compare(b.Name, a.Name) })
	fmt.Println(ps)
	xs := Ints{5, 3, 9, 1}
	slices.Sort(xs)
	i, found := slices.BinarySearch(xs, 5)
	fmt.Println(xs, i, found, slices.Min(xs), slices.IsSorted(xs))
	ys := slices.Clone(xs)
	ys = slices.Insert(ys, 1, 100, 200)
	fmt.Println(ys, xs, slices.Equal(xs, ys))
	ys = slices.Delete(ys, 0, 2)
	fmt.Println(ys, len(ys))
	fmt.Println(slices.Compact([]int{1, 1, 2, 2, 2, 3, 1}))
	slices.Reverse(ys)
	fmt.Println(ys, slices.Index(ys, 9), slices.Contains(ys, 42))
	fmt.Println(slices.IndexFunc(ys, func(v int) bool { return v > 100 }))
	fmt.Println(slices.Concat([]int{1}, []int{2, 3}), slices.Repeat([]string{"a"}, 3))
	m2 := maps.Clone(m)
	delete(m2, "a")
	fmt.Println(maps.Equal(m, m2), len(m2))
	maps.DeleteFunc(m2, func(k string, v int) bool { return v > 2 })
	fmt.Println(m2)
	for i, v := range slices.Collect(slices.Values([]string{"p", "q"})) {
		fmt.Println(i, v)
	}
	fmt.Println(cmp.Compare(1.5, 2.5), cmp.Less("a", "b"), cmp.Or(0, 0, 7))
	fmt.Printf("%T %T\n", slices.Max[[]int, int], cmp.Compare[string])
	defer func() { fmt.Println("recovered:", recover()) }()
	slices.Max([]int{})
}
