// errorcheck

package main

func main() {
	n := 5
	s := "str"
	b := true
	_ = !n
	_ = -s
	_ = b + b
	_ = s % 2
}
