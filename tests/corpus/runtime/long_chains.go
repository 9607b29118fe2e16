// run

// Freeing a long chain of objects (a linked list, a chain of closures, nested slices) does
// not overflow the native stack.
package main

import "fmt"

type N struct {
	v    int
	next *N
}

type T struct {
	kids []*T
}

func main() {
	var head *N
	for i := 0; i < 1000000; i++ {
		head = &N{i, head}
	}
	fmt.Println(head.v, head.next.v)
	head = nil

	f := func() int { return 0 }
	for i := 0; i < 200000; i++ {
		g := f
		f = func() int { return g() }
	}
	f = nil

	root := &T{}
	t := root
	for i := 0; i < 200000; i++ {
		c := &T{}
		t.kids = append(t.kids, c)
		t = c
	}
	root = nil

	var iface interface{}
	for i := 0; i < 200000; i++ {
		iface = &struct{ next interface{} }{iface}
	}
	iface = nil
	fmt.Println("done", head == nil, f == nil, root == nil, iface == nil)
}
