// run

package main

import (
	"fmt"
	"slices"
)

type Set[T comparable] = map[T]struct{}

type Pair[A, B any] struct {
	First  A
	Second B
}

type KV[V any] = Pair[string, V]

type List[T any] = []T

func Add[T comparable](s Set[T], xs ...T) {
	for _, x := range xs {
		s[x] = struct{}{}
	}
}

func Members[T interface{ comparable; ~int | ~string }](s Set[T]) List[T] {
	var out List[T]
	for k := range s {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func main() {
	s := Set[string]{}
	Add(s, "b", "a", "b")
	fmt.Println(len(s), Members(s))
	n := make(Set[int])
	Add(n, 3, 1, 2)
	fmt.Println(Members(n))
	kv := KV[int]{"x", 1}
	fmt.Printf("%v %+v %T\n", kv, kv, kv)
	var l List[float64] = []float64{1.5}
	fmt.Printf("%v %T %T\n", l, l, s)
}
