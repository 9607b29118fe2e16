// run

package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
)

type List[T any] struct{ items []T }

func (l *List[T]) Push(v T) { l.items = append(l.items, v) }

func (l *List[T]) All() iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		for i, v := range l.items {
			if !yield(i, v) {
				fmt.Println("  (stopped early)")
				return
			}
		}
	}
}

func Filter[T any](seq iter.Seq[T], keep func(T) bool) iter.Seq[T] {
	return func(yield func(T) bool) {
		for v := range seq {
			if keep(v) && !yield(v) {
				return
			}
		}
	}
}

func Pairs(n int) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				if !yield(i, j) {
					return
				}
			}
		}
	}
}

func firstPair(n, sum int) (a, b int, ok bool) {
	defer func() {
		if ok {
			fmt.Println("  found", a, b)
		}
	}()
	for i, j := range Pairs(n) {
		if i+j == sum {
			return i, j, true
		}
	}
	return
}

func nested(words []string) string {
	for i, w := range slices.All(words) {
		for c := range slices.Values(strings.Split(w, "")) {
			if c == "x" {
				return fmt.Sprintf("x in word %d", i)
			}
		}
	}
	return "no x"
}

func bare(words []string) (res string) {
	res = "start"
	for w := range slices.Values(words) {
		res = w
		if w == "stop" {
			return
		}
	}
	return "end"
}

func main() {
	var l List[string]
	for _, s := range []string{"a", "b", "c", "d"} {
		l.Push(s)
	}
	for i, v := range l.All() {
		if i == 1 {
			continue
		}
		if v == "c" {
			break
		}
		fmt.Println(i, v)
	}
	evens := Filter(slices.Values([]int{1, 2, 3, 4, 5, 6}), func(x int) bool { return x%2 == 0 })
	fmt.Println(slices.Collect(evens))
	var fs []func() int
	for v := range evens {
		fs = append(fs, func() int { return v * 10 })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	fmt.Println(firstPair(5, 5))
	fmt.Println(firstPair(3, 9))
	fmt.Println(nested([]string{"ab", "cd", "exf"}), nested(nil))
	fmt.Println(bare([]string{"a", "stop", "b"}), bare([]string{"a"}))
	m := map[string]int{"one": 1, "two": 2, "three": 3}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		fmt.Print(k, "=", m[k], " ")
	}
	fmt.Println()
	total := 0
	for _, v := range maps.All(m) {
		total += v
	}
	fmt.Println(total)
outer:
	for i := range 3 {
		for a, b := range Pairs(4) {
			if a == 1 {
				continue outer
			}
			if b == 3 && i == 2 {
				break outer
			}
			fmt.Print(i, a, b, ";")
		}
	}
	fmt.Println()
	count := 0
	for range Pairs(4) {
		count++
	}
	fmt.Println(count)
}
