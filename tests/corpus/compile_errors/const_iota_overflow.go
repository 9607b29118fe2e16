// errorcheck

package main

import "fmt"

func main() {
	const (
		a int8 = 1 << (iota * 4)
		b
		c
		d
	)
	const (
		x = iota * 1e200 * 1e200
		y
		z
	)
	var u uint8 = y
	fmt.Println(a, b, c, d, x, y, z, u)
}
