// run

// Comparisons of a concrete value with an interface in conditions (the fused
// compare-and-branch forms are only for operands of one class), and conditions whose
// operands call functions that change what the other operand reads (calls first, as gc).
package main

import "fmt"

type U16 uint16

var x = 1

func g() int { x = 5; return 5 }

func main() {
	u := U16(1)
	var i interface{} = u
	fmt.Println(u != i, i != u, u == i, i == u)
	if u != i {
		fmt.Println("BUG in if")
	}
	s := "x"
	var j any = s
	fmt.Println(s != j, j != s)
	if s != j {
		fmt.Println("BUG s")
	}
	f := 1.5
	var k any = f
	if f != k {
		fmt.Println("BUG f")
	}
	if !(f == k) {
		fmt.Println("BUG f2")
	}
	if x == g() {
		fmt.Println("equal")
	} else {
		fmt.Println("not equal")
	}
	x = 1
	for x < g() {
		fmt.Println("loop")
	}
	fmt.Println("done", x)
}
