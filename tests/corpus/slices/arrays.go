// run

package main

import "fmt"

type Grid [3][3]int

func setCenter(g Grid) Grid {
	g[1][1] = 5
	return g
}

func setCenterPtr(g *Grid) { g[1][1] = 7 }

func main() {
	a := [3]int{1, 2, 3}
	b := a
	b[0] = 100
	fmt.Println(a, b, a == b, a == [3]int{1, 2, 3})
	var g Grid
	h := setCenter(g)
	fmt.Println(g, h)
	setCenterPtr(&g)
	fmt.Println(g)
	c := [...]string{2: "c", 0: "a"}
	fmt.Println(len(c), c)
	fmt.Printf("%q\n", c)
	d := [5]int{1, 2}
	fmt.Println(d)
	var e [2]bool
	fmt.Println(e, len(e))
	type pair [2]int
	m := map[pair]string{{1, 2}: "one-two", {3, 4}: "three-four"}
	fmt.Println(m[pair{1, 2}], m[pair{3, 4}], len(m))
	matrix := [2][3]int{{1, 2, 3}, {4, 5, 6}}
	sum := 0
	for _, row := range matrix {
		for _, v := range row {
			sum += v
		}
	}
	fmt.Println(matrix, sum)
	p := &a[1]
	*p = 20
	fmt.Println(a)
}
