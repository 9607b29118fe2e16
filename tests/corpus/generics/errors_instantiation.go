// errorcheck

package main

import "fmt"

type Number interface{ ~int | ~float64 }

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Zero[T any]() T {
	var z T
	return z
}

type Stack[T any] struct{ items []T }

func main() {
	fmt.Println(Sum([]string{"a"}))
	f := Sum
	_ = Zero()
	var s Stack
	fmt.Println(f, s)
	fmt.Println(Sum[int, int]([]int{1}))
}
