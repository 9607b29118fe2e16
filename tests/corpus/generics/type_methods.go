// run

package main

import (
	"errors"
	"fmt"
	"sort"
)

type Number interface {
	~int | ~float64
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

// Vec is a generic slice type whose method calls a generic function.
type Vec[T Number] []T

func (v Vec[T]) Total() T { return Sum(v) }

func (v Vec[T]) Scale(k T) Vec[T] {
	out := make(Vec[T], len(v))
	for i, x := range v {
		out[i] = x * k
	}
	return out
}

// Set is a generic map type.
type Set[T comparable] map[T]struct{}

func NewSet[T comparable](xs ...T) Set[T] {
	s := Set[T]{}
	for _, x := range xs {
		s.Add(x)
	}
	return s
}

func (s Set[T]) Add(x T)           { s[x] = struct{}{} }
func (s Set[T]) Has(x T) bool      { _, ok := s[x]; return ok }
func (s Set[T]) Len() int          { return len(s) }

// Box embeds a generic struct.
type Inner[T any] struct {
	Val T
}

func (i *Inner[T]) Set(v T) { i.Val = v }
func (i Inner[T]) Get() T   { return i.Val }

type Box[T any] struct {
	Inner[T]
	Label string
}

// Tree is a recursive generic type with a comparison function.
type Tree[T any] struct {
	root *tnode[T]
	less func(a, b T) bool
}

type tnode[T any] struct {
	v           T
	left, right *tnode[T]
}

func (t *Tree[T]) Insert(v T) {
	p := &t.root
	for *p != nil {
		if t.less(v, (*p).v) {
			p = &(*p).left
		} else {
			p = &(*p).right
		}
	}
	*p = &tnode[T]{v: v}
}

func (t *Tree[T]) Walk(f func(T)) { walk(t.root, f) }

func walk[T any](n *tnode[T], f func(T)) {
	if n == nil {
		return
	}
	walk(n.left, f)
	f(n.v)
	walk(n.right, f)
}

type Point struct{ X, Y int }

// Result holds an interface-typed or pointer-typed value.
type Result[T any] struct {
	Val T
	Err error
}

func (r Result[T]) String() string {
	if r.Err != nil {
		return "error: " + r.Err.Error()
	}
	return fmt.Sprintf("ok: %v", r.Val)
}

func Try[T any](v T, err error) Result[T] { return Result[T]{v, err} }

type Cache[K comparable, V any] struct {
	data map[K]V
	hits int
}

func NewCache[K comparable, V any]() *Cache[K, V] {
	return &Cache[K, V]{data: make(map[K]V)}
}

func (c *Cache[K, V]) GetOr(k K, mk func() V) V {
	if v, ok := c.data[k]; ok {
		c.hits++
		return v
	}
	v := mk()
	c.data[k] = v
	return v
}

func (c *Cache[K, V]) Keys() []K {
	var ks []K
	for k := range c.data {
		ks = append(ks, k)
	}
	return ks
}

func main() {
	v := Vec[float64]{1.5, 2.5}
	fmt.Println(v.Total(), v.Scale(2), Vec[int]{1, 2, 3}.Scale(3).Total())

	s := NewSet("a", "b", "a")
	fmt.Println(s.Len(), s.Has("a"), s.Has("z"))
	ps := NewSet(Point{1, 2}, Point{1, 2}, Point{3, 4})
	fmt.Println(ps.Len(), ps.Has(Point{3, 4}))

	var b Box[string]
	b.Set("hi")
	b.Label = "greeting"
	fmt.Println(b.Get(), b.Val, b)
	bp := &Box[*Point]{Label: "ptr"}
	bp.Set(&Point{5, 6})
	fmt.Println(bp.Get().X, bp.Inner.Val.Y)

	t := &Tree[string]{less: func(a, b string) bool { return a < b }}
	for _, w := range []string{"m", "c", "x", "a"} {
		t.Insert(w)
	}
	var out []string
	t.Walk(func(s string) { out = append(out, s) })
	fmt.Println(out)

	fmt.Println(Try(42, nil), Try("", errors.New("boom")))
	var r fmt.Stringer = Try[any](Point{1, 1}, nil)
	fmt.Println(r)
	ri := Try[fmt.Stringer](Result[int]{Val: 7}, nil)
	fmt.Println(ri.Val.String())

	c := NewCache[string, []int]()
	mk := func() []int { return []int{1, 2} }
	c.GetOr("x", mk)
	c.GetOr("x", mk)
	c.GetOr("y", func() []int { return nil })
	ks := c.Keys()
	sort.Strings(ks)
	fmt.Println(ks, c.hits)

	add := s.Add
	add("c")
	has := Set[string].Has
	fmt.Println(has(s, "c"), s.Len())
	push := (*Inner[int]).Set
	var in Inner[int]
	push(&in, 9)
	fmt.Println(in.Get())

	fmt.Printf("%T %T %T %T\n", v, s, b, bp)
	fmt.Printf("%T %T\n", c, ri)
	fmt.Printf("%v %+v\n", Result[Point]{Val: Point{1, 2}}.Val, Inner[bool]{true})
}
