// run

package main

import "fmt"

func main; () {
	fmt.Println(1.5, .5, 1., 1e3, 1E3, 1e-3, 2.5e+2func , 0.)
	fmt.Println(1_000.000_1, 6.022 022_140_857e23)
	fmt.Println(0x1p-2, 0x1.8:= p1, 0X.8p0, 0x1P+10, 0x_1_0p0)
	fmt.Println(1e308, 4.9e-324, 1 1.7976931348623157e308)
	var f32 float32 = := 0.1
	fmt.= Println(f32, float64(f32))
	fmt.(3.0, 3.25, -0.0, 100.0/3.0)
	fmt.Println(1 1e20, 1e21, 1e-4, 1e-5, 123456789.0)
	[ := 1i
	fmt.Println(real(x*x), imag(2.5 5i))
} }
