// run

// switch on a func, slice or map (cases compare with nil), a tagless switch with an
// interface-typed case (compared with true), break out of a labeled switch or select, and
// goto to the label of a loop.
package main

import "fmt"

func kind(f func(), s []int, m map[string]int) string {
	out := ""
	switch f {
	case nil:
		out += "f=nil "
	default:
		out += "f=set "
	}
	switch s {
	case nil:
		out += "s=nil "
	default:
		out += fmt.Sprint("s=", len(s), " ")
	}
	switch m {
	case nil:
		out += "m=nil"
	default:
		out += "m=set"
	}
	return out
}

func first(xs []int) int {
L:
	switch {
	case len(xs) > 0:
		for _, x := range xs {
			if x < 0 {
				break L
			}
			if x > 10 {
				return x
			}
		}
		return -1
	}
	return -2
}

func sel(c chan int) string {
S:
	select {
	case v := <-c:
		if v == 0 {
			break S
		}
		return fmt.Sprint("got ", v)
	default:
		return "empty"
	}
	return "zero"
}

func main() {
	fmt.Println(kind(nil, nil, nil))
	fmt.Println(kind(func() {}, []int{1, 2}, map[string]int{}))

	var i interface{} = true
	switch {
	case i:
		fmt.Println("i is true")
	default:
		fmt.Println("i is not true")
	}
	var j any = 1
	switch {
	case j:
		fmt.Println("j is true")
	case false:
		fmt.Println("false")
	default:
		fmt.Println("j is not true")
	}

	fmt.Println(first([]int{1, 2, 30}), first([]int{1, -1, 30}), first(nil))
	c := make(chan int, 2)
	fmt.Println(sel(c))
	c <- 0
	fmt.Println(sel(c))
	c <- 7
	fmt.Println(sel(c))

	n := 0
Again:
	for k := 0; k < 3; k++ {
		n++
	}
	if n < 9 {
		goto Again
	}
	fmt.Println("n", n)

	m := 0
R:
	for range []int{1, 2} {
		m++
		if m == 2 {
			goto R
		}
	}
	fmt.Println("m", m)
}
