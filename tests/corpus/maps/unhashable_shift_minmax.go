// run

// Unhashable interface map keys panic; unsigned shift counts of 2^63 and more; min/max of
// floats with NaN and signed zeros.
package main

import (
	"fmt"
	"math"
)

func main() {
	nan := math.NaN()
	fmt.Println(max(-7.25, nan), min(nan, 1.0), max(math.Copysign(0, -1), 0.0), min(0.0, math.Copysign(0, -1)), min(3.5, 1.5, 2.5), max(float32(1), 2))
	x := uint64(1 << 63)
	var v int64 = -8
	fmt.Println(v>>x, 5<<x, uint8(7)>>x)
	y := uint(70)
	v >>= y
	fmt.Println(v)
	defer func() { fmt.Println(recover()) }()
	m := map[any]int{}
	m[[]int{1}] = 1
}
