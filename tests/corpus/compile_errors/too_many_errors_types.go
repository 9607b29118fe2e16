// errorcheck

package main

func main() {
	var s string
	s = 1
	s = 2
	s = 3
	s = 4
	s = 5
	s = 6
	s = 7
	s = 8
	s = 9
	s = 10
	s = 11
	s = 12
	_ = s
}
