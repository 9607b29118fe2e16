// errorcheck

package main

func A[T any](n int, v T) int {
	if n == 0 {
		return 0
	}
	return B(n-1, v)
}

func B[U any](n int, v U) int {
	return A(n, &v)
}

func C[T any](x T) T { return x }

func D[T any](x T) T { return C(x) }

func main() {
	println(A(2, 1), D(3))
}
