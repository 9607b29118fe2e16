// run

package main

import (
	"fmt"
	"math"
)

func main() {
	x := 3.14159265358979
	fmt.Printf("%f|%.2f|%8.3f|%-8.1f|%08.2f|%+.1f\n", x, x, x, x, x, x)
	fmt.Printf("%e|%E|%.2e|%g|%G|%.3g\n", x, x, x, x, x, x)
	big, small := 123456789.0, 0.000012345
	fmt.Printf("%g %g %e %f\n", big, small, small, small)
	fmt.Printf("%g %g %g %g\n", 1e6, 1e21, 1e-4, 1e-5)
	fmt.Printf("%v %v %v %v\n", 1e6, 1e21, 100.0, 2.0/3)
	fmt.Println(1e6, 1e20, 1e21, 0.1, 1.0, 3.0e-7, float32(0.1))
	inf, nan := math.Inf(1), math.NaN()
	fmt.Println(inf, -inf, nan)
	fmt.Printf("%f %f %5.1f %v %+v\n", inf, -inf, nan, nan, inf)
	fmt.Printf("%F|%#g|%#.3x\n", 2.5, 1.0, 1.0)
	fmt.Printf("%.0f %.0f %.0f %.0f\n", 0.5, 1.5, 2.5, -0.5)
	fmt.Printf("%6.2f%%\n", 99.5)
	fmt.Println(math.MaxFloat64, math.SmallestNonzeroFloat64)
	fmt.Println(float32(1)/3, 1.0/3)
	fmt.Printf("%v %.2v %10.4v|\n", 123.456, 123.456, 123.456)
	fmt.Printf("%x %X\n", 1.5, 255.0)
	var negz = math.Copysign(0, -1)
	fmt.Println(negz, 0.0)
	c := complex(1.5, -2)
	fmt.Println(c)
	fmt.Printf("%.1f %v\n", c, complex64(c))
}
