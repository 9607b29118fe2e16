// errorcheck

package main

import "fmt"

const (
	a = 1 << 1000000
	b = 1e1000000000
	c = 1e600000000
	d = c * c
	e = 1 << 1075
	f = 1 << 1074
	g = 1<<511 * 4
	h = 1e-1000000000
	i = -(1 << 511) - (1 << 511) - (1 << 511)
)

func main() {
	fmt.Println(h, int(c/c), i)
}
