// errorcheck

package main

func main() {
	x := 1 @ 2
	_ = x
}
