// run

package main

import "fmt"

type Size uint64

const (
	_       = iota
	KB Size = 1 << (10 * iota)
	MB
	GB
	TB
	PB
	EB
)

const (
	a = 1 << (iota * 30) >> (iota * 30)
	b
	c
	d
	e
)

const (
	p0 = 1.0 / (iota + 1)
	p1
	p2
	p3
)

const (
	x0 = iota * iota * 1e20
	x1
	x2
	x3
)

const (
	h0 = (1 << (100 + iota)) / (1 << 99)
	h1
	h2
)

func main() {
	fmt.Println(KB, MB, GB, TB, PB, EB)
	fmt.Printf("%T %v\n", EB, EB/PB)
	fmt.Println(a, b, c, d, e)
	fmt.Println(p0, p1, p2, p3, p1+p2 == 5.0/6)
	fmt.Println(x0, x1, x2, x3)
	fmt.Println(h0, h1, h2)
}
