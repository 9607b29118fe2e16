// run

package main

import "fmt"

const c = complex(float32(0.1), 2)
const r = real(complex128(1.0/3 + 2i))
const i = imag(c)

func main() {
	fmt.Printf("%T %T %T\n", c, r, i)
	fmt.Println(real(c), imag(c), r, i, r*3 == 1)
	var z complex128 = complex(r, float64(i))
	fmt.Println(z, real(z) == r)
	x := 2.5
	fmt.Println(complex(x, 1), real(complex(x, 1)))
}
