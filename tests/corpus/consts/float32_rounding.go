// run

package main

import (
	"fmt"
	"math"
)

// Conversions of exact constants round to nearest even, once, from the exact value.
const (
	f1 = 1 + 0x1p-24            // halfway between two float32s: rounds to even (1)
	f2 = 1 + 0x1p-24 + 0x1p-60  // just above halfway: rounds up
	f3 = 1 + 3*0x1p-24          // halfway, odd below: rounds up to even
	d1 = 1 + 0x1p-53            // float64 halfway: rounds to 1
	d2 = 1 + 0x1p-53 + 0x1p-100 // above halfway
	m  = math.MaxFloat32
	s  = math.SmallestNonzeroFloat32
)

type F32 float32

const typed F32 = 1.0 / 3

func main() {
	var a, b, c float32 = f1, f2, f3
	fmt.Println(a == 1, b > 1, c, math.Float32bits(c))
	var x, y float64 = d1, d2
	fmt.Println(x == 1, y > 1, y-1)
	fmt.Println(float32(m), float32(s), float32(s/2), float32(s*0.75))
	fmt.Println(typed, typed*3, float64(typed))
	fmt.Println(F32(1.0/3) == typed, float32(0.1) == 0.1)
	var g float32 = 0.1
	fmt.Println(g == 0.1, float64(g) == 0.1, float64(g))
	const z = complex64(1.0/3 + 1i/3)
	fmt.Println(real(z), imag(z), real(z) == float32(1.0/3))
	fmt.Println(math.MaxFloat64, math.SmallestNonzeroFloat64, math.Pi, float32(math.Pi))
	fmt.Println(math.MaxInt64, uint64(math.MaxUint64), math.MinInt64)
}
