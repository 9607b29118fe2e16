// run

// A call is at the line of its `(`, an index expression at the line of its `[`, wherever the
// operands are: runtime.Caller and panics report those lines for calls split over lines.
package main

import (
	"fmt"
	"runtime"
)

type B struct{}

func (b B) Step() B {
	_, _, line, _ := runtime.Caller(1)
	fmt.Println("Step called from line", line)
	return b
}

func f(a int) int {
	_, _, line, _ := runtime.Caller(1)
	fmt.Println("f called from line", line)
	return a
}

func main() {
	x := f(
		1,
	)
	y := f(f(
		2))
	var b B
	b.
		Step().
		Step()
	s := []int{1}
	defer func() {
		fmt.Println(recover())
		for i := 1; ; i++ {
			pc, _, line, ok := runtime.Caller(i)
			if !ok {
				break
			}
			if runtime.FuncForPC(pc).Name() == "main.main" {
				fmt.Println("index panic at line", line)
			}
		}
	}()
	_ = s[x+
		y]
}
