// run

package main

import "fmt"

func Map[S ~[]E, E, R any](s S, f func(E) R) []R {
	out := make([]R, 0, len(s))
	for _, v := range s {
		out = append(out, f(v))
	}
	return out
}

func First[S ~[]E, E any](s S) E { return s[0] }

func Tail[S ~[]E, E any](s S) S { return s[1:] }

func Push[S ~[]E, E any](s S, v E) S { return append(s, v) }

func Nil[S ~[]E, E any]() S { return nil }

func Lit[S ~[]E, E any](a, b E) S { return S{a, b} }

func Sum[M ~map[K]V, K comparable, V int | float64](m M) V {
	var t V
	for _, v := range m {
		t += v
	}
	return t
}

func Get[M ~map[K]V, K comparable, V any](m M, k K) (V, bool) {
	v, ok := m[k]
	return v, ok
}

func Drain[C ~chan E, E any](c C) []E {
	var out []E
	for v := range c {
		out = append(out, v)
	}
	return out
}

type Names []string

func main() {
	fmt.Println(Map(Names{"a", "bb"}, func(s string) int { return len(s) }))
	fmt.Println(First(Names{"x"}), Tail(Names{"x", "y"}), Push(Names{"x"}, "z"))
	fmt.Println(Nil[Names]() == nil, Lit[Names]("p", "q"))
	fmt.Println(Sum(map[string]int{"a": 1, "b": 2}))
	fmt.Println(Get(map[string]int{"a": 1}, "a"))
	c := make(chan int, 2)
	c <- 1
	c <- 2
	close(c)
	fmt.Println(Drain(c))
}
