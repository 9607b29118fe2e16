package main

import "fmt"

type Shape interface{ Area() int }

type Rect struct{ W, H int }

func (r Rect) Area() int { return r.W * r.H }

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	total := 0
	for i := 0; i < 10; i++ {
		total += fib(i)
	}
	var s Shape = Rect{3, 4}
	counter := 0
	inc := func() { counter++ }
	inc()
	fmt.Println(total, s.Area(), counter)
}
