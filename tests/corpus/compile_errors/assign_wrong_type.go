// errorcheck

package main

func main() {
	var s string
	n := 5
	s = n
	_ = s
}
