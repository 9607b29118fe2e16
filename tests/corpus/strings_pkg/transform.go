// run

package main

import (
	"fmt"
	"strings"
	"unicode"
)

func main() {
	fmt.Println(strings.ToUpper("hello, wörld"), strings.ToLower("HeLLo ÄÖ"), strings.Title("x"))
	fmt.Println(strings.Repeat("ab", 3), strings.Repeat("-", 0) == "")
	fmt.Println(strings.Replace("oink oink oink", "k", "ky", 2), strings.Replace("oink oink", "oink", "moo", -1))
	fmt.Println(strings.ReplaceAll("a.b.c", ".", "/"), strings.ReplaceAll("abc", "", "-"))
	fmt.Printf("%q\n", strings.TrimSpace("  \t hi there \n "))
	fmt.Printf("%q %q %q\n", strings.Trim("xxhixx", "x"), strings.TrimLeft("xxhixx", "x"), strings.TrimRight("xxhixx", "x"))
	fmt.Printf("%q %q\n", strings.TrimPrefix("prefix-body", "prefix-"), strings.TrimSuffix("file.go", ".go"))
	fmt.Printf("%q %q\n", strings.TrimPrefix("body", "x"), strings.Trim("  abc  ", " a"))
	fmt.Println(strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return -1
		}
		return unicode.ToUpper(r)
	}, "a1b2c3"))
	fmt.Println(strings.TrimFunc("123abc456", unicode.IsDigit))
	r := strings.NewReplacer("<", "&lt;", ">", "&gt;")
	fmt.Println(r.Replace("<b>bold</b>"))
	fmt.Println(unicode.IsUpper('A'), unicode.IsLetter('é'), unicode.IsSpace('\t'), unicode.IsPunct('!'), unicode.ToLower('Q'))
}
