// run

// gc makes the calls of an expression first and reads its variables after them.
package main

import "fmt"

var x = 1

func bump(n int) int { x += n; return n }

type S struct{ v int }

func main() {
	y := x - bump(1) + bump(4)
	fmt.Println(x, y)
	a := []int{1, 2, 3}
	set := func() int { a[0] = 50; return 1 }
	fmt.Println(a[0]+set(), a[0])
	s := &S{2}
	mut := func() int { s.v = 20; return 3 }
	z := s.v*mut() == 60
	fmt.Println(z)
	ch := make(chan int, 2)
	ch <- 5
	ch <- 6
	w := x + <-ch - <-ch
	fmt.Println(w)
	k := 3
	inc := func() int { k++; return k }
	fmt.Println(k*10+inc(), inc()+k)
	q := len(a) + bump(1)
	fmt.Println(q, x)
}
