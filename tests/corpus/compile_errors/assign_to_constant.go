// errorcheck

package main

const limit = 10

func main() {
	limit = 20
	s := "str"
	s[0] = 'x'
}
