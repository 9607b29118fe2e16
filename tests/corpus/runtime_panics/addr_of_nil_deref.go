// run

// &*p checks p for nil as Go does (the address of the pointed-to variable).
package main

import "fmt"

var intp *int

type S struct{ a, b int }

func try(name string, f func()) {
	defer func() { fmt.Println(name, "->", recover()) }()
	f()
}

func main() {
	try("&*intp", func() { fmt.Println(&*intp) })
	var sp *S
	try("&*sp", func() { _ = &*sp })
	v := 3
	p := &v
	q := &*p
	*q = 4
	fmt.Println(v, p == q)
	var arr *[3]int
	try("&*arr", func() { fmt.Println(&*arr) })
}
