// errorcheck

package main

import "fmt"

const c = 1 << 600
const d = c + "a"
const e = 1e600000000 * 1e600000000
const f = e + "b"
var g int8 = c

func main() {
	fmt.Println(c, d, e, f, g, c<<2, c == 1, -c, c > e)
	var a [4]int
	fmt.Println(a[c], make([]int, c), string(c))
	switch 1 {
	case c, c:
	}
}
