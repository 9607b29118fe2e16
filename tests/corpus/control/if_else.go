// run

package main

import "fmt"

func classify(n int) string {
	if n < 0 {
		return "negative"
	} else if n == 0 {
		return "zero"
	} else if n%2 == 0 {
		return "even"
	} else {
		return "odd"
	}
}

func lookup(k string) (int, bool) {
	m := map[string]int{"a": 1}
	v, ok := m[k]
	return v, ok
}

func main() {
	for _, n := range []int{-3, 0, 4, 7} {
		fmt.Println(n, classify(n))
	}
	if v, ok := lookup("a"); ok {
		fmt.Println("found", v)
	} else {
		fmt.Println("missing", v)
	}
	if v, ok := lookup("b"); ok {
		fmt.Println("found", v)
	} else {
		fmt.Println("missing", v)
	}
	x := 10
	if x := 5; x > 3 {
		fmt.Println("inner x", x)
	}
	fmt.Println("outer x", x)
	if a, b := 1, 2; a > b || b == 2 && !(a == 0) {
		fmt.Println("logic ok")
	}
}
