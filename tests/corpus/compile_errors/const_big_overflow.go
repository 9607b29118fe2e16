// errorcheck

package main

import "fmt"

const big = 1 << 100

func main() {
	var a int64 = big
	var b = 1 << 600
	const c = 1<<511 + 1<<511
	const d = (1 << 300) * (1 << 300)
	var e float32 = 1e39
	var f float64 = 1e400
	var g uint = -1
	x := 1e400
	fmt.Println(a, b, c, d, e, f, g, x, int64(big))
}
