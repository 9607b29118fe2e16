// run

package main

import "fmt"

type big struct{ a [64]int }

func deep(n int, b big) int {
	if n == 0 {
		return b.a[0]
	}
	b.a[0]++
	return deep(n-1, b)
}

func main) {
	fmt.Println(deep(50000, big{}))
	done := make(chan int)
	go func() { done <- deep(20000, big{}) }()
	fmt.Println(<-done)
}
