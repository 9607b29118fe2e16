// run

// Conversions to complex types, from constants and values, in generic and plain code.
package main

import "fmt"

type Complex interface {
	~complex64 | ~complex128
}

func pi[T Complex]() T { return T(3.14) }

func fromInt[T Complex](n int) T { return T(complex(float64(n), 0)) }

func main() {
	fmt.Println(pi[complex64](), pi[complex128]())
	fmt.Println(fromInt[complex64](7), fromInt[complex128](-2))
	c := complex(1.1, 2.2)
	c64 := complex64(c)
	back := complex128(c64)
	fmt.Println(c64, back == c, real(back))
	x := 0.1
	fmt.Println(complex64(complex(x, x)), complex128(complex64(complex(x, -x))))
}
