// run

package main

import (
	"fmt"
	"strings"
)

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

type List[T any] struct {
	items []T
}

func (l *List[T]) Add(v T) *List[T] { l.items = append(l.items, v); return l }
func (l List[T]) Each(f func(int, T)) {
	for i, v := range l.items {
		f(i, v)
	}
}

func MapList[T, U any](l List[T], f func(T) U) List[U] {
	var out List[U]
	l.Each(func(_ int, v T) { out.Add(f(v)) })
	return out
}

func Zero[T any]() T {
	return *new(T)
}

func Cast[T any](x any) (T, bool) {
	v, ok := x.(T)
	return v, ok
}

type Float interface{ ~float32 | ~float64 }
type Int interface{ ~int | ~int8 | ~uint8 }

func Conv[F Float, I Int](x I) F { return F(x) / 2 }

func Gen[T any](xs ...T) <-chan T {
	c := make(chan T, len(xs))
	for _, x := range xs {
		c <- x
	}
	close(c)
	return c
}

func Eq[T comparable](a, b T) bool { return a == b }


type Matrix[T Float] [2][2]T

func (m Matrix[T]) Mul(o Matrix[T]) Matrix[T] {
	var r Matrix[T]
	for i := 0; i < 2; i++ {
		for j := 0; j < 2; j++ {
			for k := 0; k < 2; k++ {
				r[i][j] += m[i][k] * o[k][j]
			}
		}
	}
	return r
}

type Opt[T any] struct {
	v  T
	ok bool
}

func Some[T any](v T) Opt[T] { return Opt[T]{v, true} }
func None[T any]() Opt[T]    { return Opt[T]{} }
func (o Opt[T]) OrElse(d T) T {
	if o.ok {
		return o.v
	}
	return d
}

func main() {
	var l List[Pair[string, int]]
	l.Add(Pair[string, int]{"a", 1}).Add(Pair[string, int]{"b", 2})
	m := MapList(l, func(p Pair[string, int]) string { return strings.Repeat(p.Key, p.Val) })
	fmt.Println(m.items, len(l.items))
	var ss List[List[int]]
	ss.Add(List[int]{items: []int{1}})
	fmt.Printf("%v %T\n", ss, ss)
	fmt.Println(Zero[int](), Zero[string]() == "", Zero[*int]() == nil, Zero[Pair[int, bool]]())
	v, ok := Cast[string]("x")
	w, ok2 := Cast[int]("x")
	fmt.Println(v, ok, w, ok2)
	e, ok3 := Cast[error](fmt.Errorf("bad"))
	fmt.Println(e, ok3)
	fmt.Println(Conv[float64](int8(-3)), Conv[float32, uint8](255))
	for x := range Gen("a", "b") {
		fmt.Print(x, " ")
	}
	fmt.Println()
	fmt.Println(Eq(Pair[int, string]{1, "a"}, Pair[int, string]{1, "a"}), Eq[any](1, "1"), Eq(1.5, 1.5))
	a := Matrix[float64]{{1, 2}, {3, 4}}
	fmt.Println(a.Mul(a))
	fmt.Println(Some(3).OrElse(0), None[string]().OrElse("dflt"))
	fmt.Printf("%T %T %+v\n", Some(1.5), None[[]byte](), Some(Pair[string, Opt[int]]{"k", Some(2)}))
}
