// errorcheck

package main

func main() {
	var a [3]int
	a[5] = 1
	s := "abc"
	_ = s[10]
	_ = a[-1]
}
