// run

// Values of multi-valued calls and comma-ok forms are boxed when their target is an interface:
// var declarations, package-level variables, returns, assignments.
package main

import "fmt"

type E struct{}

func (*E) Error() string { return "E" }

func f() (int, *E) { return 3, &E{} }

func g() (any, error) { return f() }

var ga, gb any = f()

func main() {
	var a, b any = f()
	fmt.Printf("%T %T\n", a, b)
	x, y := g()
	fmt.Printf("%T %T\n", x, y)
	fmt.Printf("%T %T\n", ga, gb)
	m := map[string]int{"a": 1}
	var v, ok any = m["a"]
	fmt.Printf("%T %T\n", v, ok)
	var i any = 2
	fmt.Println(i == 2, 2 == i)
	defer func() {
		r := recover()
		fmt.Println(r)
	}()
	var c1 complex64 = complex64(complex(1.5, 2))
	c2 := complex128(c1)
	fmt.Println(c1, c2, complex64(3), complex128(float32(0.1)))
}
