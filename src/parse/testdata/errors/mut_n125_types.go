// run

package main

import "fmt"

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

func (s Stack[T]) Len() int { return len(s.items) }

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

type List[T any] struct {
	head *node[T]
	size int
}

type node[T any] struct {
	val  T
	next *node[T]
}

func (l *List[T]) Prepend(v T) {
	l.head = &node[T]{v, l.head}
	l.size++
}

func (l *List[T]) All() []T {
	var out []T
	for n := l.head; n != nil; n = n.next {
		out = append(out, n.val)
	}
	return out
}

func main() {
	var s Stack[int]
	s.Push(1)
	s.Push(2)
	v, ok := s.Pop()
	fmt.Println(v, ok, s.Len())
	s.Pop()
	v, ok = s.Pop()
	fmt.Println(v, ok)
	ss := &Stack[string]{}
	ss.Push("x")
	fmt.Println(ss.items)
	p := Pair[string, int]{"a", 1}
	fmt.Println(p)
	fmt.Printf("%v %+v\n", []Pair[int, bool]{{1, true}}, p)
	var l List[]float64
	l.Prepend(1.5)
	l.Prepend(2.5)
	fmt.Println(l.All(), l.size)
	fmt.Printf("%T %T\n", s, p)
}
