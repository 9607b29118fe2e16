// run

package main

import (
	"fmt"
	"strings"
)

func apply(xs []int, f func(int) int) []int {
	out := make([]int, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

func compose(f, g func(int) int) func(int) int {
	return func(x int) int { return g(f(x)) }
}

func double(x int) int { return x * 2 }

func main() {
	fmt.Println(apply([]int{1, 2, 3}, double))
	inc := func(x int) int { return x + 1 }
	fmt.Println(compose(double, inc)(5), compose(inc, double)(5))
	ops := map[string]func(int, int) int{
		"add": func(a, b int) int { return a + b },
		"mul": func(a, b int) int { return a * b },
	}
	fmt.Println(ops["add"](3, 4), ops["mul"](3, 4))
	var nilf func()
	fmt.Println(nilf == nil)
	up := strings.ToUpper
	fmt.Println(up("go"))
	fns := []func(string) string{strings.ToLower, strings.TrimSpace, func(s string) string { return s + "!" }}
	s := "  HeLLo  "
	for _, f := range fns {
		s = f(s)
	}
	fmt.Printf("%q\n", s)
	func() {
		fmt.Println("immediately invoked")
	}()
	fmt.Println(func(a, b int) int { return a - b }(10, 3))
}
