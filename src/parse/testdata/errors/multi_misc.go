package main

import "fmt"

func main() {
	for i := 0; i < 3; ; {
	}
	x := f() {
	}
	var y := 2
	fmt.. Println(x, y)
	for i := 0; {
	}
}

func f() int { return 1 }

func (a, b T) g() {}

func () h() {}
