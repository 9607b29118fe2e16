package main

func f(a int b int) {
}

func g(a int, { }

type T struct {
	a int b int
}

func h() {
	T{a: 1, b: 2 c: 3}
}

func main() {
	f(1, 2)
}
