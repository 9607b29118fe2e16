// run

package main

import "fmt"

type Inner struct{ a, b int }

type Outer struct {
	*Inner
	n int
}

func try(name string, f func()) {
	defer func() {
		fmt.Println(name, "->", recover())
	}()
	f()
}

func main() {
	var p *Outer
	o := &Outer{}
	try("load", func() { fmt.Println(p.n) })
	try("store", func() { p.n = 1 })
	try("op-assign", func() { p.n += 2 })
	try("embedded load", func() { fmt.Println(o.b) })
	try("embedded store", func() { o.b = 3 })
	o.Inner = &Inner{}
	o.b = 4
	o.a -= 1
	o.n++
	fmt.Println(*o.Inner, o.n)
	var q *Inner
	defer fmt.Println("deferred")
	q.a = 5
}
