// run

package main

import (
	"fmt"
	"strconv"
	"strings"
)

// Constraint with a method and a type set.
type StringableInt interface {
	~int | ~int64
	String() string
}

type Code int

func (c Code) String() string { return "C" + strconv.Itoa(int(c)) }

type Big int64

func (b Big) String() string { return fmt.Sprintf("big(%d)", int64(b)) }

func JoinAll[T StringableInt](xs []T, sep string) string {
	parts := make([]string, 0, len(xs))
	var total T
	for _, x := range xs {
		parts = append(parts, x.String())
		total += x
	}
	return strings.Join(parts, sep) + " total=" + total.String()
}

// The pointer-method constraint pattern.
type Setter[T any] interface {
	*T
	Set(string)
}

type Name struct{ v string }

func (n *Name) Set(s string) { n.v = strings.ToUpper(s) }

type Count struct{ n int }

func (c *Count) Set(s string) { c.n = len(s) }

func FromStrings[T any, PT Setter[T]](ss []string) []T {
	out := make([]T, len(ss))
	for i, s := range ss {
		p := PT(&out[i])
		p.Set(s)
	}
	return out
}

// Method through an embedded field of the type argument.
type Base struct{ id int }

func (b Base) ID() int { return b.id }

type User struct {
	Base
	Name string
}

type HasID interface{ ID() int }

func IDs[T HasID](xs ...T) []int {
	var ids []int
	for _, x := range xs {
		ids = append(ids, x.ID())
	}
	return ids
}

// An interface type argument: dynamic dispatch inside the instance.
type Shape interface {
	Area() float64
}

type Sq float64

func (s Sq) Area() float64 { return float64(s * s) }

type Rect struct{ W, H float64 }

func (r *Rect) Area() float64 { return r.W * r.H }

func Largest[T Shape](xs []T) (T, float64) {
	var best T
	m := -1.0
	for _, x := range xs {
		if a := x.Area(); a > m {
			best, m = x, a
		}
	}
	return best, m
}

// Equality on comparable type arguments.
func IndexOf[T comparable](xs []T, v T) int {
	for i, x := range xs {
		if x == v {
			return i
		}
	}
	return -1
}

type Key struct {
	A string
	B int
}

func Keys[K comparable, V any](m map[K]V) int {
	n := 0
	for range m {
		n++
	}
	return n
}

// Method values of a type-parameter-typed value.
func Bind[T fmt.Stringer](x T) func() string { return x.String }

func main() {
	fmt.Println(JoinAll([]Code{1, 2, 3}, ","))
	fmt.Println(JoinAll([]Big{10, 20}, "+"))
	fmt.Println(FromStrings[Name]([]string{"ann", "bob"}))
	fmt.Println(FromStrings[Count]([]string{"ann", "bobby"}))
	fmt.Println(IDs(User{Base{7}, "x"}, User{Base{9}, "y"}))
	fmt.Println(IDs(Base{1}))
	best, a := Largest([]Shape{Sq(2), &Rect{3, 4}, Sq(1)})
	fmt.Printf("%v %T %.1f\n", best, best, a)
	sq, a2 := Largest([]Sq{1, 3, 2})
	fmt.Println(sq, a2)
	rp, a3 := Largest([]*Rect{{1, 1}, {2, 5}})
	fmt.Println(*rp, a3)
	fmt.Println(IndexOf([]Key{{"a", 1}, {"b", 2}}, Key{"b", 2}), IndexOf([]any{1, "x", 2.5}, any("x")))
	fmt.Println(IndexOf([]*Rect{rp}, rp), IndexOf([]float64{1, 2}, 3))
	fmt.Println(Keys(map[Key]bool{{"a", 1}: true}))
	f := Bind(Code(5))
	g := Bind[fmt.Stringer](Big(6))
	fmt.Println(f(), g())
}
