package main

import "fmt"

func main() {
	a := 08
	fmt.Println(a b)
	s := "\q"
	fmt.Println(s @)
	c := 'ab'
	fmt.Println(c,, 1)
}
