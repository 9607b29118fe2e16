// run

package main

import "fmt"

func Group[K comparable, V any](keys []K, vals []V) []any {
	type entry struct {
		Key K
		Val V
	}
	type counter int
	var out []any
	var n counter
	for i, k := range keys {
		e := entry{k, vals[i]}
		out = append(out, e)
		n++
	}
	fmt.Printf("%T %v\n", n, n)
	return out
}

type Wrap[T any] struct{ v T }

func (w Wrap[T]) Pair() any {
	type both struct{ A, B T }
	return both{w.v, w.v}
}

func main() {
	for _, e := range Group([]string{"a", "b"}, []int{1, 2}) {
		fmt.Printf("%v %+v %T\n", e, e, e)
	}
	g := Group([]int{1}, []bool{true})
	fmt.Printf("%T\n", g[0])
	p := Wrap[float64]{1.5}.Pair()
	fmt.Printf("%v %T\n", p, p)
}
