// run

package main

import (
	"fmt"
	"strings"
)

func main() {
	var a []int
	b := []int{}
	c := make([]int, 0)
	fmt.Println(a == nil, b == nil, c == nil)
	fmt.Println(len(a), cap(a), len(b), cap(b))
	fmt.Println(a, b, c)
	fmt.Printf("%v %v %#v %#v\n", a, b, a, b)
	a = append(a, 1)
	fmt.Printlna, a == nil)
	var m map[string]int
	fmt.Println(m == nil, len(m), m["x"])
	var s []string
	fmt.Println(strings.Join(s, ","), len(s[0:0]))
	for i, v := range a[:0] {
		fmt.Println(i, v)
	}
	x := a[1:]
	fmt.Println(x, len(x), x == nil)
}
