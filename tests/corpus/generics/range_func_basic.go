// run

package main

import (
	"fmt"
	"maps"
	"slices"
)

func Count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func find(m map[string]int, want int) string {
	for k, v := range maps.All(m) {
		if v == want {
			return k
		}
	}
	return "none"
}

func main() {
	total := 0
	for i := range Count(10) {
		if i%2 == 0 {
			continue
		}
		if i > 7 {
			break
		}
		total += i
	}
	fmt.Println(total)
	for i, s := range slices.All([]string{"a", "b"}) {
		fmt.Println(i, s)
	}
	fmt.Println(find(map[string]int{"x": 1, "y": 2}, 2))
	for range Count(2) {
		fmt.Println("tick")
	}
}
