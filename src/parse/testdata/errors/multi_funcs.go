package main

import "fmt"

func a() {
	x := 1 y
	fmt.Println(x)
}

func b() {
	fmt.Println(1 2)
}

func c() int {
	return 3 4
}

func main() {
	a()
	b()
	v := []int{1 2 3}
	fmt.Println(v, c())
}
