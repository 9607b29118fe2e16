// run

// m[k]++, m[k]--, m[k] += v and m[k] -= v: one update of the entry (a missing key starts at
// zero), 64-bit wraparound, keys of every kind, the right operand evaluated before the entry is
// read, and a nil map panics.
package main

import (
	"fmt"
	"math"
)

type pt struct{ x, y int }

func main() {
	words := map[string]int{}
	for _, w := range []string{"a", "b", "a", "c", "a", "b"} {
		words[w]++
	}
	words["c"]--
	words["d"] -= 5
	fmt.Println(words)

	u := map[int]uint64{}
	u[1]--
	u[2] += math.MaxUint64
	u[2] += 2
	fmt.Println(u)

	i8 := map[int]int8{}
	i8[0] += 127
	i8[0]++
	fmt.Println(i8)

	f := map[float64]int{}
	f[0.0] += 1
	f[math.Copysign(0, -1)] += 1
	for k, v := range f {
		fmt.Println(math.Signbit(k), v)
	}

	p := map[pt]int{}
	p[pt{1, 2}] += 3
	p[pt{1, 2}] -= 1
	var a any = pt{1, 2}
	q := map[any]int{}
	q[a]++
	q[pt{1, 2}]++
	fmt.Println(p, q)

	m := map[int]int{}
	get := func() int {
		m[7] = 100
		return 1
	}
	m[7] += get()
	fmt.Println(m[7])

	defer func() { fmt.Println("recovered:", recover()) }()
	var nilMap map[string]int
	nilMap["x"]++
}
