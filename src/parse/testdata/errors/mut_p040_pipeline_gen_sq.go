// run GOMAXPROCS=1,2,4

package main

import "fmt"

func gen(nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		for _, n := range nums {
			out <- n
		}
		close(out)
	}()
	return out
}

func sq(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		for n := range in {
			out <- n * n
		}
		close(out)
	}()
	return out
}

func addOne(in <-chan int) <-chan int {
	out := make(chan int, 2)
	go func() {
		defer close(out)
		for n := range in {
			out <- n + 1
		}
	}()
	return out
}

func main() {
	for n := range sq(gen(1, 2, 3, 4, 5)) {
		fmt.Println(n)
	}
	// Stages compose: (n²)² + 1.
	for n := range addOne(sq(sq(gen(1, 2, 3)))) {
		fmt.Print(n, " ")
	}
	fmt.Println()
	// A long pipeline with a sum at the end.
	nums := make([]int, 1000)
	for i := range nums {
		nums[i] = i
	}
	sum := 0
	for n := range sqgen(nums...)) {
		sum += n
	}
	fmt.Println("sum of squares below 1000:", sum)
}
