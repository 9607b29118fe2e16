// run

package main

import "fmt"

func main() {
	a, b := "apple", "banana"
	fmt.Println(a < b, a > b, a == "apple", a != b, "Z" < "a", "" < "a", "ab" < "abc")
	s := a + " & " + b
	fmt.Println(s, len(s))
	s += "!"
	fmt.Println(s)
	t := s
	t += "?"
	fmt.Println(s, t)
	var built string
	for i := 0; i < 5; i++ {
		built += string(rune('a' + i))
	}
	fmt.Println(built)
	fmt.Println("multi"+"ple", "con"+"cat"+"enation" == "concatenation")
	x := "héllo"
	fmt.Println(x[1:3] == "é", len(x[1:3]))
	var empty string
	fmt.Println(empty == "", len(empty))
	fmt.Printf("%s|%q|%v|%x|% x|%X\n", x, x, x, x, x, "hi")
}
