// run

// Elements after a keyed element continue at the next index.
package main

import "fmt"

func main() {
	a := [5]int{1: 100, 3: 400, 500}
	fmt.Println(a)
	b := [...]string{2: "c", "d", 0: "a", "b"}
	fmt.Println(len(b), b)
	s := []int{4: 1, 2, 1: 7, 8}
	fmt.Println(len(s), s)
	const k = 3
	c := [8]byte{k: 'x', 'y', 'z'}
	fmt.Println(c)
}
