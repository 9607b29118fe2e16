// run

// An entry deleted during iteration before it is reached is not produced; an updated one
// gives its new value.
package main

import "fmt"

func main() {
	m := map[int]int{}
	for i := 0; i < 50; i++ {
		m[i] = i
	}
	n := 0
	for k := range m {
		for j := 0; j < 50; j++ {
			if j != k {
				delete(m, j)
			}
		}
		n++
	}
	fmt.Println(n, len(m))

	m2 := map[string]int{"a": 1, "b": 2, "c": 3}
	seen := 0
	for k, v := range m2 {
		for o := range m2 {
			if o != k {
				m2[o] = 100
			}
		}
		if seen > 0 && v != 100 {
			fmt.Println("stale value", k, v)
		}
		seen++
	}
	fmt.Println(seen)
}
