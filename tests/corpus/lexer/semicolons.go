// run

package main

import "fmt"

func f() (int, int) { return 1, 2 }

func main() {
	x := 1; y := 2
	fmt.Println(x, y)
	a, b := f()
	fmt.Println(a,
		b,
	)
	s := []int{
		1,
		2,
	}
	fmt.Println(s); fmt.Println(len(s))
	x++
	y--
	fmt.Println(x, y)
	if x > 1 { fmt.Println("big") } else { fmt.Println("small") }
	v := x +
		y
	fmt.Println(v)
}
