// run

// A map literal is built as gc builds it: entries whose key and value are constants first, then
// each other entry as the assignment m[k] = v, and the literal as a whole is ordered with the
// calls of the expression around it.
package main

import "fmt"

var x1 int

func bump(d int) int { x1 += d; return x1 }

type S struct{ A, B int; M map[string]int }

func main() {
	mp := map[string]int{"p": (x1 + 6), "q": (x1 + bump(2))}
	fmt.Println(mp)
	fmt.Println(x1, map[string]int{"a": bump(1)}, x1)
	m2 := map[int]int{x1: 2, 4: 7, bump(1): x1}
	fmt.Println(m2, x1)
	s := S{A: x1, M: map[string]int{"z": bump(3) + x1}, B: bump(1)}
	fmt.Println(s)
	k := 10
	m3 := map[int]string{k: "dyn", 10: "static"}
	fmt.Println(m3)
	arr := []map[int]int{{x1: bump(1)}, {bump(1): x1}}
	fmt.Println(arr, x1)
}
