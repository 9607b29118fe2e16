// run

// Concrete values sent on, received from and compared with interface-typed channels and
// variables are boxed with their dynamic type.
package main

import (
	"errors"
	"fmt"
)

type S struct{ a, b int }

type E struct{ msg string }

func (e *E) Error() string { return e.msg }

func two() (int, *E) { return 7, &E{"boom"} }

func main() {
	c := make(chan interface{}, 4)
	c <- 42
	c <- "hi"
	c <- S{1, 2}
	c <- nil
	for i := 0; i < 4; i++ {
		v := <-c
		fmt.Printf("%v %T\n", v, v)
	}

	var x interface{} = "old"
	c <- 3.5
	x = <-c
	fmt.Printf("%v %T\n", x, x)

	var ok bool
	ci := make(chan int, 1)
	ci <- 8
	x, ok = <-ci
	fmt.Printf("%v %T %v\n", x, x, ok)

	m := map[string]int{"k": 5}
	x, ok = m["k"]
	fmt.Printf("%v %T %v\n", x, x, ok)
	x, ok = m["missing"]
	fmt.Printf("%v %T %v\n", x, x, ok)

	var z any = 9
	z, ok = z.(int)
	fmt.Printf("%v %T %v\n", z, z, ok)

	var n any
	var err error
	n, err = two()
	fmt.Printf("%v %T %v\n", n, n, err)
	var target *E
	fmt.Println(errors.As(err, &target), target.msg)

	d := make(chan any, 1)
	select {
	case d <- S{3, 4}:
	default:
	}
	fmt.Println(<-d)

	k := 5
	var i interface{} = 5
	var f any = 5.0
	fmt.Println(k == i, i == k, k != i, "x" == interface{}("x"), 5.0 == f, 5 == f)
	var e error
	fmt.Println(err == e, e == nil)
}
