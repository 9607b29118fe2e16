// run

package main

import "fmt"

func main() {
	a := []int{1, 2, 3, 4, 5}
	b := a[1:3]
	b[0] = 20
	fmt.Println(a, b, len(b), cap(b))
	b = append(b, 30)
	fmt.Println(a, b)
	c := make([]int, 3, 3)
	d := append(c, 1)
	d[0] = 99
	fmt.Println(c, d)
	e := make([]int, 3, 10)
	f := append(e, 1)
	f[0] = 99
	fmt.Println(e, f)
	g := a[:0]
	for _, v := range a {
		if v%2 == 1 {
			g = append(g, v)
		}
	}
	fmt.Println(g, a)
	h := a[2:]
	h = h[:cap(h)]
	fmt.Println(h)
	inc := func(s []int) {
		for i := range s {
			s[i]++
		}
	}
	inc(a[1:2])
	fmt.Println(a)
	grow := func(s []int) { s = append(s, 1000) }
	grow(a)
	fmt.Println(a, len(a))
}
