// run

package main

import "fmt"

func counter() (func() int, func()) {
	n := 0
	return func() int { n++; return n }, func() { n = 100 }
}

func main() {
	x := 1
	f := func() { x *= 2 }
	f()
	f()
	fmt.Println(x)
	next, reset := counter()
	fmt.Println(next(), next(), next())
	reset()
	fmt.Println(next())
	next2, _ := counter()
	fmt.Println(next2())
	s := []int{1, 2}
	g := func() { s = append(s, 3) }
	g()
	fmt.Println(s)
	var fib func(int) int
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		return fib(n-1) + fib(n-2)
	}
	fmt.Println(fib(15))
	acc := make([]func() int, 0)
	total := 0
	for i := 1; i <= 3; i++ {
		acc = append(acc, func() int { total += i; return total })
	}
	for _, a := range acc {
		fmt.Print(a(), " ")
	}
	fmt.Println(total)
}
