// run

package main

import "fmt"

func main() {
	m := map[string]int{"one": 1, "two": 2}
	m["three"] = 3
	fmt.Println(len(m), m["two"], m["missing"])
	v, ok := m["one"]
	fmt.Println(v, ok)
	v, ok = m["zero"]
	fmt.Println(v, ok)
	delete(m, "one")
	delete(m, "not there")
	_, ok = m["one"]
	fmt.Println(ok, len(m))
	m["two"] += 10
	m["new"]++
	fmt.Println(m)
	counts := map[rune]int{}
	for _, r := range "hello world" {
		counts[r]++
	}
	fmt.Println(counts['l'], counts['o'], counts['z'], len(counts))
	alias := m
	alias["shared"] = 1
	fmt.Println(len(m), m["shared"])
	fmt.Println(map[bool]int{true: 1, false: 0})
	fm := map[float64]string{1.5: "x", -2: "y"}
	fmt.Println(fm)
}
