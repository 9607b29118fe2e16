// run

package main

import "fmt"

func fibGen() func() int {
	a, b := 0, 1
	return func() int {
		r := a
		a, b = b, a+b
		return r
	}
}

func adder(base int) func(int) int {
	return func(x int) int {
		base += x
		return base
	}
}

type Handler func(string) string

func chain(hs ...Handler) Handler {
	return func(s string) string {
		for _, h := range hs {
			s = h(s)
		}
		return s
	}
}

func main() {
	g := fibGen()
	for i := 0; i < 10; i++ {
		fmt.Print(g(), " ")
	}
	fmt.Println()
	a := adder(10)
	fmt.Println(a(1), a(2), a(3))
	b := adder(0)
	fmt.Println(b(5), a(0))
	h := chain(func(s string) string { return "<" + s }, func(s string) string { return s + ">" })
	fmt.Println(h("x"))
	memo := map[int]int{}
	var f func(int) int
	f = func(n int) int {
		if n < 2 {
			return n
		}
		if v, ok := memo[n]; ok {
			return v
		}
		memo[n] = f(n-1) + f(n-2)
		return memo[n]
	}
	fmt.Println(f(90))
}
