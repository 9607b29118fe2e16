// run

package main

import "fmt"

// Untyped float constants are exact rationals: 0.1 + 0.2 is exactly 0.3, and a value is
// rounded once, when it finally gets a type.
const (
	third  = 1.0 / 3
	tenth  = 0.1
	sum    = 0.1 + 0.2
	back   = third * 3
	tiny   = 1e-300 * 1e-300
	large  = 1e300 * 1e300
	ratio  = large / 1e590
	mixed  = 7 / 2.0
	intdiv = 7 / 2
	exact  = 1e100 / 1e99
)

func main() {
	fmt.Println(sum == 0.3, back == 1, third*3 == 1.0)
	fmt.Println(third, float32(third), tenth)
	fmt.Println(tiny*1e600, ratio, mixed, intdiv)
	fmt.Println(exact, exact == 10, int(exact))
	x := 0.1
	fmt.Println(x+0.2 == 0.3, 0.1+0.2 == x+0.2)
	fmt.Println(1e23, 8.41e21, 5e-324, 4.9e-324 == 5e-324)
	fmt.Println(2.5e-324, 2.4703282292062328e-324, 2.4703282292062327e-324)
	fmt.Println(1.7976931348623157e308, 1.7976931348623158e308)
	const long = 3.14159265358979323846264338327950288419716939937510582097494459
	fmt.Println(long, long*2, long/2)
	const h = 0x1.fffffffffffff8p0 // needs 54 bits: rounds to even
	fmt.Println(h, h == 2, 0x1p-1074, 0x1.8p1)
	fmt.Println(float32(16777217), float32(16777219), float32(0.1)+float32(0.2))
	fmt.Println(1/3.0 == third, (1.0/49)*49 == 1, 1.0/49*49)
	fmt.Println(10.0/4, 10/4, 10/4.0, -7/2, -7/2.0)
	fmt.Println(1e-5, 1e21, 1e20, 123456789.0)
}
