// run

package main

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
)

type PQ[T any] struct {
	items []T
	less  func(a, b T) bool
}

func NewPQ[T any](less func(a, b T) bool) *PQ[T] { return &PQ[T]{less: less} }

func (q *PQ[T]) Len() int { return len(q.items) }

func (q *PQ[T]) Push(x T) {
	q.items = append(q.items, x)
	i := len(q.items) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !q.less(q.items[i], q.items[p]) {
			break
		}
		q.items[i], q.items[p] = q.items[p], q.items[i]
		i = p
	}
}

func (q *PQ[T]) Pop() (T, error) {
	var zero T
	if len(q.items) == 0 {
		return zero, errors.New("empty queue")
	}
	top := q.items[0]
	last := len(q.items) - 1
	q.items[0] = q.items[last]
	q.items = q.items[:last]
	i := 0
	for {
		l, r, m := 2*i+1, 2*i+2, i
		if l < len(q.items) && q.less(q.items[l], q.items[m]) {
			m = l
		}
		if r < len(q.items) && q.less(q.items[r], q.items[m]) {
			m = r
		}
		if m == i {
			break
		}
		q.items[i], q.items[m] = q.items[m], q.items[i]
		i = m
	}
	return top, nil
}

type LRU[K comparable, V any] struct {
	cap   int
	order []K
	data  map[K]V
}

func NewLRU[K comparable, V any](n int) *LRU[K, V] {
	return &LRU[K, V]{cap: n, data: map[K]V{}}
}

func (c *LRU[K, V]) Put(k K, v V) {
	if _, ok := c.data[k]; ok {
		c.touch(k)
	} else {
		if len(c.order) == c.cap {
			old := c.order[0]
			c.order = c.order[1:]
			delete(c.data, old)
		}
		c.order = append(c.order, k)
	}
	c.data[k] = v
}

func (c *LRU[K, V]) touch(k K) {
	i := slices.Index(c.order, k)
	c.order = append(slices.Delete(c.order, i, i+1), k)
}

func (c *LRU[K, V]) Get(k K) (V, bool) {
	v, ok := c.data[k]
	if ok {
		c.touch(k)
	}
	return v, ok
}

type Task struct {
	Pri  int
	Name string
}

func MaxBy[T any, K cmp.Ordered](xs []T, key func(T) K) (best T) {
	for i, x := range xs {
		if i == 0 || key(x) > key(best) {
			best = x
		}
	}
	return
}

func GroupBy[T any, K comparable](xs []T, key func(T) K) map[K][]T {
	m := make(map[K][]T)
	for _, x := range xs {
		k := key(x)
		m[k] = append(m[k], x)
	}
	return m
}

func main() {
	q := NewPQ(func(a, b Task) bool { return a.Pri < b.Pri })
	for _, t := range []Task{{3, "c"}, {1, "a"}, {2, "b"}, {5, "e"}} {
		q.Push(t)
	}
	for q.Len() > 0 {
		t, _ := q.Pop()
		fmt.Print(t.Name, " ")
	}
	_, err := q.Pop()
	fmt.Println(err)
	ints := NewPQ(func(a, b int) bool { return a > b })
	for _, x := range []int{4, 9, 1} {
		ints.Push(x)
	}
	top, _ := ints.Pop()
	fmt.Println(top, ints.Len())

	c := NewLRU[string, int](2)
	c.Put("a", 1)
	c.Put("b", 2)
	c.Get("a")
	c.Put("c", 3)
	_, okb := c.Get("b")
	va, oka := c.Get("a")
	fmt.Println(okb, va, oka, c.order)

	words := strings.Fields("the quick brown fox jumps over the lazy dog")
	fmt.Println(MaxBy(words, func(s string) int { return len(s) }))
	g := GroupBy(words, func(s string) int { return len(s) })
	for _, k := range slices.Sorted(func(yield func(int) bool) {
		for k := range g {
			if !yield(k) {
				return
			}
		}
	}) {
		fmt.Println(k, g[k])
	}
	tasks := []Task{{2, "x"}, {1, "y"}, {2, "a"}}
	slices.SortFunc(tasks, func(a, b Task) int {
		return cmp.Or(cmp.Compare(a.Pri, b.Pri), strings.Compare(a.Name, b.Name))
	})
	fmt.Println(tasks, slices.IndexFunc(tasks, func(t Task) bool { return t.Name == "x" }))
}
