// run

package main

import (
	"fmt"
	"strconv"
)

func Double[T ~int | ~float64](x T) T { return x * 2 }

func Apply[T any](xs []T, f func(T) T) []T {
	out := make([]T, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

func Str[T any](x T) string { return fmt.Sprint(x) }

func main() {
	fmt.Println(Apply([]int{1, 2}, Double))
	var f func(float64) float64 = Double
	fmt.Println(f(1.5))
	var g func(int) string
	g = Str
	fmt.Println(g(3), strconv.Itoa(1))
}
