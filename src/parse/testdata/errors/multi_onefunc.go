package main

import "fmt"

func main() {
	a := 1 b
	fmt.Println(a c)
	var s = []string{"x" "y"}
	if a > 0 ) {
	}
	fmt.Println(s)
	m := map[string]int{"k": 1 "j": 2}
	fmt.Println(m)
}
