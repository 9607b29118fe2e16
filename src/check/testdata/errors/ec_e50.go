package main

import "fmt"

type T struct{ X int }

func (t *T) M() {}

type I interface{ M() }

func two() (int, string) { return 1, "a" }

func main() {
	fmt.Println()
	_ = 'a' + "b"
}
