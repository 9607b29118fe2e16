// run

// Pointers to arrays: len and cap, conversions from slices, range over a nil pointer.
package main

import "fmt"

func try(f func()) {
	defer func() { fmt.Println("recovered:", recover()) }()
	f()
}

func main() {
	var a [5]int
	p := &a
	fmt.Println(len(p), cap(p))
	s := []int{1, 2, 3, 4}
	q := (*[2]int)(s)
	q[0] = 9
	fmt.Println(*q, s, len(q))
	arr := [3]int(s[1:])
	arr[0] = 100
	fmt.Println(arr, s)
	var ns []int
	fmt.Println((*[0]int)(ns) == nil, [0]int(ns))
	try(func() { _ = (*[8]int)(s) })
	try(func() { _ = [5]int(s) })
	var np *[3]int
	for i := range np {
		fmt.Print(i, " ")
	}
	fmt.Println(len(np))
}
