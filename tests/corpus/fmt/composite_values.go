// run

package main

import (
	"errors"
	"fmt"
)

type Point struct {
	X, Y int
}

type Inner struct {
	A []int
	M map[string]int
}

type Outer struct {
	Name  string
	P     *Point
	In    Inner
	Any   any
	Err   error
	priv  bool
	Float float64
}

type Color uint8

func main() {
	p := Point{1, 2}
	fmt.Printf("%v|%+v|%#v|%T\n", p, p, p, p)
	fmt.Printf("%v|%+v|%T\n", &p, &p, &p)
	o := Outer{Name: "o", P: nil, In: Inner{[]int{1}, map[string]int{"k": 1}}, Any: 3, Err: errors.New("e"), Float: 2}
	fmt.Printf("%v\n%+v\n", o, o)
	fmt.Printf("%#v\n", Inner{[]int{1, 2}, map[string]int{"b": 2, "a": 1}})
	fmt.Printf("%v %v %v\n", []int{1, 2}, [2]bool{true}, map[string]Point{"z": {1, 1}, "a": {2, 2}})
	fmt.Printf("%#v %#v %#v %#v\n", []string{"a"}, [2]int{}, map[int]bool{1: true}, "s")
	fmt.Printf("%#v %#v %#v %#v %#v\n", 42, 2.0, true, Color(3), 'x')
	fmt.Printf("%v %+v %#v\n", nil, nil, nil)
	var np *Point
	var ns []int
	var nm map[string]int
	var ni any
	var ne error
	fmt.Println(np, ns, nm, ni, ne)
	fmt.Printf("%#v %#v %#v %#v\n", np, ns, nm, ni)
	fmt.Printf("%T %T %T %T %T\n", ns, nm, ni, ne, struct{ A int }{})
	fmt.Printf("%v %d %s\n", []any{1, "a", nil}, []int8{-1, 2}, []error{errors.New("x")})
	fmt.Printf("%T %T %T\n", main, fmt.Println, make(chan<- int))
	fmt.Println([]*int{nil}, [][]int{{1}, {2, 3}}, struct {
		A int
		B string
	}{1, "b"})
	fmt.Printf("%x %X\n", []int{10, 255}, [2]uint8{1, 2})
	fmt.Printf("%5v|%-5v|%05d\n", []int{1, 2}, []int{3}, []int{4, 5})
}
