// run

package main

import (
	"fmt"
	"math"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64       { return r.W * r.H }
func (r Rect) Perimeter() float64  { return 2 * (r.W + r.H) }
func (c Circle) Area() float64     { return math.Pi * c.R * c.R }
func (c Circle) Perimeter() float64 { return 2 * math.Pi * c.R }

func total(shapes ...Shape) (a float64) {
	for _, s := range shapes {
		a += s.Area()
	}
	return
}

func main() {
	shapes := []Shape{Rect{3, 4}, Circle{1}, Rect{1, 1}}
	for _, s := range shapes {
		fmt.Printf("%T %.3f %.3f\n", s, s.Area(), s.Perimeter())
	}
	fmt.Printf("%.4f\n", total(shapes...))
	var s Shape
	fmt.Println(s == nil)
	s = Rect{2, 2}
	fmt.Println(s == nil, s, s == Rect{2, 2}, s != Shape(Circle{2}))
	var a any = 42
	fmt.Println(a)
	a = "now a string"
	fmt.Println(a)
	a = []int{1, 2}
	fmt.Println(a)
	var vals []any
	vals = append(vals, 1, "two", 3.0, nil, true)
	fmt.Println(vals...)
	fmt.Println(len(vals))
}
