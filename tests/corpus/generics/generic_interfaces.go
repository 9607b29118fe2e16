// run

package main

import (
	"fmt"
	"sort"
	"strings"
)

type Getter[T any] interface {
	Get() T
}

type Box[T any] struct{ v T }

func (b *Box[T]) Get() T  { return b.v }
func (b *Box[T]) Set(v T) { b.v = v }

type Const[T any] struct{ v T }

func (c Const[T]) Get() T { return c.v }

func GetAll[T any](gs ...Getter[T]) []T {
	var out []T
	for _, g := range gs {
		out = append(out, g.Get())
	}
	return out
}

type Logged[T any] struct {
	*Box[T]
	log []string
}

func (l *Logged[T]) Set(v T) {
	l.log = append(l.log, fmt.Sprint("set ", v))
	l.Box.Set(v)
}

func IsEven[T ~int](n T) bool {
	if n == 0 {
		return true
	}
	return IsOdd(n - 1)
}

func IsOdd[T ~int](n T) bool {
	if n == 0 {
		return false
	}
	return IsEven(n - 1)
}

type Event[T any] struct {
	Name    string
	Payload T
	Handle  func(T) string
}

func Dispatch[T any](evs []Event[T]) []string {
	ch := make(chan Event[T], len(evs))
	for _, e := range evs {
		ch <- e
	}
	close(ch)
	var out []string
	for e := range ch {
		out = append(out, e.Name+":"+e.Handle(e.Payload))
	}
	return out
}

func Worker[T any](in <-chan T, out chan<- string, f func(T) string) {
	for v := range in {
		out <- f(v)
	}
	close(out)
}

func Binder[T any](b *Box[T]) func(T) {
	set := b.Set
	return func(v T) {
		defer fmt.Println("deferred get:", b.Get())
		set(v)
	}
}

type Grid[K comparable] map[K][]K

func (g Grid[K]) Link(a, b K) {
	g[a] = append(g[a], b)
	g[b] = append(g[b], a)
}

type N int

func main() {
	b := &Box[int]{1}
	var g Getter[int] = b
	fmt.Println(GetAll[int](g, Const[int]{2}, &Box[int]{3}))
	fmt.Printf("%T %T\n", g, Getter[string](Const[string]{"x"}))
	l := &Logged[string]{Box: &Box[string]{}}
	l.Set("a")
	l.Set("b")
	fmt.Println(l.Get(), l.log)
	var gs Getter[string] = l
	fmt.Println(gs.Get())
	fmt.Println(IsEven(10), IsOdd(N(7)))
	fmt.Println(Dispatch([]Event[int]{
		{"double", 4, func(x int) string { return fmt.Sprint(x * 2) }},
		{"neg", 5, func(x int) string { return fmt.Sprint(-x) }},
	}))
	in := make(chan []string)
	out := make(chan string)
	go Worker(in, out, func(s []string) string { return strings.Join(s, "+") })
	go func() {
		in <- []string{"a", "b"}
		in <- []string{"c"}
		close(in)
	}()
	for s := range out {
		fmt.Println(s)
	}
	set := Binder(b)
	set(42)
	defer fmt.Println("main done", b.Get())
	gr := Grid[string]{}
	gr.Link("x", "y")
	gr.Link("x", "z")
	keys := make([]string, 0)
	for k := range gr {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Println(k, gr[k])
	}
}
