// run

package main

import "fmt"

func main() {
	c := complex64(complex(1, 2))
	s := []complex64{c, 3i}
	fmt.Println(s[0], s[1], s)
	t := []complex128{complex128(c), 3i}
	fmt.Println(t[0], t)
	a := [2]complex64{c, 1}
	fmt.Println(a, a[0])
	m := map[string]complex64{"x": c}
	fmt.Println(m["x"], m)
	s = append(s, 5)
	fmt.Println(s, len(s))
	var i interface{} = s
	fmt.Println(i)
}

type P struct {
	c complex128
	n int
}

func init() {
	p := &P{c: 2i, n: 1}
	p.c *= p.c
	x := complex64(1)
	f := func() { x += 1i }
	f()
	q := new(complex128)
	*q = 7 + 1i
	fmt.Println(*p, p.c, x, *q, real(*q))
}
