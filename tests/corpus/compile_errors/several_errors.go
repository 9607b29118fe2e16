// errorcheck

package main

import "strings"

func f(a int) string {
	return a
}

func main() {
	var unused int
	x := "s" * 2
	f("wrong")
	undefinedFn()
}
