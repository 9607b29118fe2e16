// errorcheck

package main

type Pair[K comparable, V any] struct{}

type Num interface{ ~int | ~float64 }

type N[T Num] struct{}

type U[T ~int | ~string] struct{}

func F[A any, B comparable]() {}

func main() {
	var a Pair[int]
	var b Pair
	var c N
	var d U
	var e Pair[int, int, int]
	F[int, int, int]()
	_, _, _, _, _ = a, b, c, d, e
}
