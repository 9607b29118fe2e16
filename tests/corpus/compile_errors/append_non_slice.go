// errorcheck

package main

func main() {
	m := map[string]int{}
	m = append(m, 1)
	var s []int
	s = append(s, "x")
}
