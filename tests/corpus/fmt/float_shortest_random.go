// run

package main

import (
	"fmt"
	"math"
)

func main() {
	s := uint64(88172645463325252)
	n := 0
	for i := 0; i < 4000; i++ {
		s ^= s << 13
		s ^= s >> 7
		s ^= s << 17
		f := math.Float64frombits(s)
		g := math.Float32frombits(uint32(s >> 11))
		if math.IsNaN(f) || math.IsInf(f, 0) {
			continue
		}
		n++
		fmt.Println(f, g, float32(f))
	}
	fmt.Println(n)
}
