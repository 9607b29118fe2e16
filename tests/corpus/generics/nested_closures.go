// run

package main

import (
	"fmt"
	"strings"
)

type Number interface {
	~int | ~int32 | ~float64
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

// Average calls Sum with its own type parameter.
func Average[T Number](xs []T) float64 {
	if len(xs) == 0 {
		return 0
	}
	return float64(Sum(xs)) / float64(len(xs))
}

func Apply[T any](xs []T, fs ...func(T) T) []T {
	out := make([]T, len(xs))
	copy(out, xs)
	for _, f := range fs {
		for i := range out {
			out[i] = f(out[i])
		}
	}
	return out
}

// Compose builds a generic closure.
func Compose[A, B, C any](f func(A) B, g func(B) C) func(A) C {
	return func(a A) C { return g(f(a)) }
}

// Counter returns a closure capturing a generic variable.
func Counter[T Number](step T) func() T {
	var n T
	return func() T {
		n += step
		return n
	}
}

type Celsius float64

func Double[T Number](x T) T { return x * 2 }

func Pair2[K comparable, V any](k K, v V) map[K]V {
	return map[K]V{k: v}
}

func Describe[T any](x T) string {
	switch v := any(x).(type) {
	case int:
		return fmt.Sprintf("int %d", v)
	case string:
		return "string " + strings.ToUpper(v)
	case fmt.Stringer:
		return "stringer " + v.String()
	default:
		return fmt.Sprintf("other %T", v)
	}
}

type Temp struct{ C Celsius }

func (t Temp) String() string { return fmt.Sprintf("%.1fC", float64(t.C)) }

func main() {
	fmt.Println(Sum([]int32{1, 2, 3}), Average([]int{1, 2, 4}), Average([]Celsius{1.5, 2.5}))
	fmt.Println(Apply([]int{1, 2, 3}, Double[int], func(x int) int { return x + 1 }))
	toLen := Compose(strings.TrimSpace, func(s string) int { return len(s) })
	fmt.Println(toLen("  hello "))
	c := Counter(Celsius(0.5))
	c()
	fmt.Println(c(), c())
	ci := Counter(10)
	fmt.Println(ci(), ci())
	fmt.Println(Pair2("a", []int{1}), Pair2(1, struct{ X int }{2}))
	fmt.Println(Describe(1), Describe("go"), Describe(Temp{21}), Describe(2.5))
	d := Double[Celsius]
	fmt.Printf("%v %T\n", d(1.25), d)
	fmt.Printf("%T\n", Compose[int, string, bool])
}
