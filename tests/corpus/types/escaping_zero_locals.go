// run

// Locals whose address is taken start at their zero value, whatever their type: strings,
// floats, complex numbers, interfaces, pointers, nested arrays and structs.
package main

import "fmt"

type inner struct {
	s string
	f float64
	c complex128
	e error
	p *int
	b [2]bool
}

type outer struct {
	name  string
	parts [3]inner
	m     map[string]int
	fn    func()
}

func show[T any](p *T) {
	fmt.Printf("%#v\n", *p)
}

func main() {
	var a [2][3]string
	var b [4]float32
	var c outer
	var d [2]any
	var e [1000][10]int
	show(&a)
	show(&b)
	show(&c.parts)
	fmt.Println(c.name == "", c.m == nil, c.fn == nil)
	show(&d)
	e[999][9] = 1
	sum := 0
	for i := range e {
		for _, v := range e[i] {
			sum += v
		}
	}
	fmt.Println(sum, len(e))
	a[1][2] = "x"
	show(&a)
}
