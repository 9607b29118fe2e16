// run

// Recovered runtime errors have the runtime type Go gives them (boundsError, errorString,
// plainError, *TypeAssertionError) and all implement runtime.Error.
package main

import (
	"errors"
	"fmt"
	"runtime"
)

func try(f func()) {
	defer func() {
		r := recover()
		_, isRE := r.(runtime.Error)
		err, _ := r.(error)
		var re runtime.Error
		fmt.Printf("%T %v %v %v\n", r, r, isRE, errors.As(err, &re))
	}()
	f()
}

func main() {
	a := []int{1}
	i := 5
	var m map[string]int
	var p *int
	var x any = "s"
	z := 0
	try(func() { _ = a[i] })
	try(func() { _ = a[1:i] })
	try(func() { m["a"] = 1 })
	try(func() { _ = *p })
	try(func() { _ = 1 / z })
	try(func() { _ = x.(int) })
	try(func() { var c chan int; close(c) })
	try(func() { c := make(chan int); close(c); c <- 1 })
}
