// run

package main

import "fmt"

func main() {
	runes := []rune{'a', 'ä', '本', '\a', '\b', '\f', '\n', '\r', '\t', '\v', '\\', '\'', '\000', '\x7f', '\u12e4', '\U00101234', '\377'}
	for _, r := range runes {
		fmt.Println(r, int32(r))
	}
	s := "\a\b\f\n\r\t\v\\\"\x41\101\u00e4\U0001F600"
	fmt.Println(len(s))
	for i := 0; i < len(s); i++ {
		fmt.Print(s[i], " ")
	}
	fmt.Println()
	fmt.Println("tab:\tend", "quote:\"", "hex:\xe6\x97\xa5", "oct:\346\227\245")
	fmt.Printf("%q\n", s)
	fmt.Println('x' + 1, string(rune('x'+1)))
}
