// run

package main

import "fmt"

func sum(nums ...int) int {
	total := 0
	for _, n := range nums {
		total += n
	}
	return total
}

func describe(prefix string, vals ...any) string {
	return fmt.Sprint(prefix, len(vals), vals == nil, vals)
}

func modify(xs ...int) {
	if len(xs) > 0 {
		xs[0] = 100
	}
}

func main() {
	fmt.Println(sum(), sum(1), sum(1, 2, 3))
	s := []int{4, 5, 6}
	fmt.Println(sum(s...))
	fmt.Println(describe("none:"))
	fmt.Println(describe("some:", 1, "a", nil))
	modify(s...)
	fmt.Println(s)
	modify(7, 8)
	args := []any{"x", 2}
	fmt.Println(args...)
	fmt.Printf("%d-%s\n", 3, "y")
	f := fmt.Sprintf
	fmt.Println(f("%03d", 7))
}
