// run

// Arrays and structs with float parts compare and hash as floats (NaN, -0), directly, in
// interfaces and as map keys; delete boxes its key for map[any].
package main

import (
	"fmt"
	"math"
)

type P struct{ X float64 }
type Q struct {
	A [2]float64
	N int
	C complex128
}

func main() {
	nan := math.NaN()
	negz := math.Copysign(0, -1)
	fmt.Println([1]float64{nan} == [1]float64{nan}, P{negz} == P{0}, Q{[2]float64{negz, 1}, 2, complex(negz, 0)} == Q{[2]float64{0, 1}, 2, 0})
	var a, b any = P{negz}, P{0}
	fmt.Println(a == b, any([1]float64{nan}) == any([1]float64{nan}))
	m := map[P]int{}
	m[P{0}]++
	m[P{negz}]++
	fmt.Println(len(m), m[P{0}])
	mi := map[any]int{}
	mi[negz]++
	mi[0.0]++
	mi[P{negz}]++
	mi[P{0}]++
	fmt.Println(len(mi))
	mc := map[complex64]int{}
	mc[complex64(complex(negz, 0))]++
	mc[0]++
	fmt.Println(len(mc))
	ma := map[any]int{1: 1}
	delete(ma, 1)
	fmt.Println(len(ma))
	mn := map[[1]float64]int{}
	mn[[1]float64{nan}]++
	mn[[1]float64{nan}]++
	fmt.Println(len(mn))
}
