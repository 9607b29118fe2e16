// run

// A tuple assignment evaluates index and pointer operands first, then stores left to right:
// a nil pointer or an index out of range faults at its own store, after the earlier ones.
package main

import "fmt"

type P struct{ a, i int }

func show(name string, m map[int]int) {
	fmt.Println(name, recover(), len(m), m[2])
}

func main() {
	func() {
		m := map[int]int{}
		var p *int
		defer show("*p:", m)
		m[2], *p = 42, 2
	}()
	func() {
		m := map[int]int{}
		p := []int{}
		defer show("slice:", m)
		m[2], p[1] = 2, 2
	}()
	func() {
		m := map[int]int{}
		var p *P
		defer show("field:", m)
		m[2], p.i = 3, 2
	}()
	func() {
		m := map[int]int{}
		var p *[3]int
		i := 1
		defer show("array pointer:", m)
		m[2], p[i] = 4, 2
	}()
	func() {
		m := map[int]int{}
		var a [3]int
		i := 5
		defer show("array:", m)
		m[2], a[i] = 5, 2
	}()
	func() {
		var m map[int]int
		x := 0
		p := &x
		defer func() { fmt.Println("nil map:", recover(), x) }()
		*p, m[2] = 6, 2
	}()
	func() {
		q := &P{}
		p := q
		p, p.i = nil, 7
		fmt.Println("old pointer:", q.i, p == nil)
	}()
}
