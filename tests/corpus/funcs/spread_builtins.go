// run

// A multi-valued call as the arguments of a builtin (copy(f()), complex(f()), print(f())),
// and go/defer of builtins (delete, copy, clear) with their arguments evaluated at the
// statement.
package main

import "fmt"

func parts() (float64, float64)  { return 1.5, -2 }
func slices() ([]int, []int)     { return make([]int, 2), []int{4, 5, 6} }
func three() (int16, bool, string) { return -42, true, "x" }

func deferred() (s []int) {
	s = make([]int, 3)
	src := []int{7, 8, 9}
	defer copy(s, src)
	src = []int{0, 0, 0}
	return s
}

func cleanup(m map[string]int, k string) {
	defer delete(m, k)
	k = "other"
	fmt.Println(len(m), m[k])
}

func main() {
	c := complex(parts())
	fmt.Println(c, real(c), imag(c))
	fmt.Println(copy(slices()))
	print(three())
	println(three())
	fmt.Println(deferred())
	m := map[string]int{"a": 1, "b": 2, "other": 3}
	cleanup(m, "a")
	fmt.Println(m)
	func() {
		defer clear(m)
		fmt.Println(len(m))
	}()
	fmt.Println(len(m))
	done := make(chan bool)
	m2 := map[int]int{1: 1, 2: 2}
	go delete(m2, 1)
	go func() { done <- true }()
	<-done
	<-done_after(m2)
}

func done_after(m map[int]int) chan bool {
	c := make(chan bool, 1)
	c <- true
	return c
}
