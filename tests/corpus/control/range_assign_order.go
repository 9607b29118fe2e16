// run

// `for k, v = range x` evaluates both left operands before assigning either, and a blank
// value variable reads no element (ranging over a nil pointer to an array with `i, _`).
package main

import "fmt"

func main() {
	x := []int{10, 20}
	y := []int{99}
	i := 1
	for i, x[i] = range y {
		break
	}
	fmt.Println(i, x)

	m := map[string]int{}
	k := "old"
	for k, m[k] = range map[string]int{"new": 7} {
	}
	fmt.Println(k, m)

	var arr *[4]int
	s := 0
	for i, _ := range arr {
		s += i
	}
	for i := range arr {
		s += i
	}
	fmt.Println(s)
}
