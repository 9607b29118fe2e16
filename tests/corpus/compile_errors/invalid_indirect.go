// errorcheck

package main

func main() {
	n := 5
	_ = *n
	var s []int
	_ = s.Len
}
