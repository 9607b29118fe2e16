// run

// `p.f op= y` through a pointer: y is evaluated first, then the field is read,
// so a nil p faults after y's side effects; a multi-level path and a string
// field update in place.
package main

import "fmt"

type Inner struct{ n int }

type T struct {
	f, h int
	s    string
	in   Inner
	x    float64
}

func g() int { fmt.Println("g"); return 1 }

func try(name string, fn func()) {
	defer func() { fmt.Println(name, recover() != nil) }()
	fn()
}

func main() {
	var p *T
	try("nil field", func() { p.f += g() })
	try("nil nested", func() { p.in.n -= g() })
	q := &T{f: 1, h: 2, s: "a", x: 1.5}
	try("ok", func() {
		q.f += g()
		q.h *= 3
		q.s += "bc"
		q.in.n -= 7
		q.x /= 2
		q.f <<= 2
	})
	r := q
	r.h |= 16
	fmt.Println(*q)
	ts := []T{{f: 5}}
	pt := &ts[0]
	pt.f %= 3
	fmt.Println(ts[0].f)
}
