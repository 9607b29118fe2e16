// run

package main

import (
	"fmt"
)

func main() {
	var c complex64 = complex(1.0/3, 2.0/3)
	d := complex128(c)
	fmt.Println(c, d, real(c), imag(c))
	fmt.Printf("%v %.2f %g %e %T\n", c, c, c, c, c)
	var x interface{} = c
	fmt.Println(x, []complex64{c, 1i})
	fmt.Println(c*c, c/2, -c, c == complex64(d))
}

func init() {
	a := complex(3, 4)
	a += 1i
	a *= 2
	a /= complex(0, 2)
	a -= 1
	z := complex(0, 0)
	fmt.Println(a, -a, a/z, complex(1, 0)/z, z/z, complex(-1, 0)/z)
	big := 1e308
	var inf = complex(big*10, 1)
	fmt.Println(inf/complex(2, 2), complex(1, 1)/inf, complex64(a)/complex64(3i))
}
