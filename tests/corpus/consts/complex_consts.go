// run

package main

import "fmt"

const (
	c1 = 1 + 2i
	c2 = (1 + 2i) * (3 - 4i)
	c3 = (1 + 2i) / 3
	c4 = 1i * 1i
	c5 = complex(0.1, 0.2) + complex(0.2, 0.1)
	c6 = (1e200 + 1e200i) * (1e200 - 1e200i) / 1e400
)

func main() {
	fmt.Println(c1, c2, c3, c4)
	fmt.Println(c5 == 0.3+0.3i, real(c5) == 0.3, imag(c2))
	fmt.Println(c6, c4 == -1)
	var z complex64 = c3
	fmt.Println(real(z), imag(z), complex128(z) == c3)
	fmt.Printf("%T %T %v\n", c1, real(c1), real(c3)*3 == 1)
}
