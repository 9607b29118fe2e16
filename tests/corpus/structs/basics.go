// run

package main

import "fmt"

type Point struct {
	X, Y int
}

type Rect struct {
	Min, Max Point
	Label    string
}

func main() {
	p := Point{1, 2}
	q := Point{Y: 5}
	var z Point
	fmt.Println(p, q, z)
	fmt.Println(p == Point{1, 2}, p != q, z == Point{})
	r := Rect{Min: p, Max: Point{10, 20}, Label: "box"}
	fmt.Println(r)
	fmt.Printf("%v\n%+v\n", r, r)
	r2 := r
	r2.Min.X = 100
	fmt.Println(r.Min.X, r2.Min.X, r == r2)
	pp := &p
	pp.X = 42
	(*pp).Y = 43
	fmt.Println(p, *pp)
	np := new(Point)
	np.X = 7
	fmt.Println(*np)
	px := &p.X
	*px = -1
	fmt.Println(p)
	rects := []Rect{{Label: "a"}, {Label: "b"}}
	rects[1].Max.Y = 9
	for i := range rects {
		rects[i].Min.X = i
	}
	fmt.Println(rects)
	ptrs := []*Point{{1, 1}, {2, 2}}
	for _, pt := range ptrs {
		pt.X *= 10
	}
	fmt.Println(*ptrs[0], *ptrs[1])
}
