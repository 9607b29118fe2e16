// errorcheck

package main

import "fmt"

const big = 1 << 100

func main() {
	var a [4]int
	var b [big]int
	var c [1e100]int
	s := make([]int, 1<<70)
	t := make([]int, 2.0)
	fmt.Println(a[big], a[1.5], a[-big], a[uint64(1<<63)], a[2.0], string(big))
	fmt.Println(b, c, s, t, a[1e100])
}
