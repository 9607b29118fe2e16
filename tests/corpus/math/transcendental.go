// run

package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Printf("%.6f %.6f %.6f\n", math.Sin(math.Pi/6), math.Cos(math.Pi/3), math.Tan(math.Pi/4))
	fmt.Printf("%.6f %.6f %.6f\n", math.Asin(1), math.Acos(0), math.Atan(1))
	fmt.Printf("%.6f %.6f\n", math.Atan2(1, 1), math.Atan2(-1, -1))
	fmt.Printf("%.6f %.6f %.6f %.6f\n", math.Exp(1), math.Log(math.E), math.Log10(1000), math.Log2(1024))
	fmt.Println(math.Log(0), math.Log(-1), math.Exp(1000))
	fmt.Println(math.Cbrt(27), math.Log2(8), math.Log10(0.001))
	frac, exp := math.Frexp(8)
	fmt.Println(frac, exp, math.Ldexp(0.5, 4))
	ip, fp := math.Modf(3.75)
	fmt.Println(ip, fp)
	fmt.Println(math.Float64bits(1.0), math.Float64frombits(0x4000000000000000), math.Float32bits(1.0))
	fmt.Printf("%.10f\n", math.Sqrt(2)*math.Sqrt(2))
}
