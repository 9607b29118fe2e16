// run

package main

import (
	"fmt"
	"strings"
)

func main() {
	parts := strings.Split("a,b,,c", ",")
	fmt.Printf("%q %d\n", parts, len(parts))
	fmt.Printf("%q\n", strings.Split("abc", ""))
	fmt.Printf("%q\n", strings.Split("", ","))
	fmt.Printf("%q\n", strings.SplitN("a,b,c,d", ",", 2))
	fmt.Printf("%q\n", strings.SplitAfter("a,b,c", ","))
	fmt.Printf("%q\n", strings.Fields("  foo bar\t baz\n  "))
	fmt.Printf("%q\n", strings.Fields(""))
	fmt.Printf("%q\n", strings.FieldsFunc("a1b2c3", func(r rune) bool { return r >= '0' && r <= '9' }))
	fmt.Println(strings.Join([]string{"x", "y", "z"}, "-"), strings.Join(nil, ","), strings.Join([]string{"solo"}, ", "))
	words := strings.Fields("the cat sat on the mat")
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	fmt.Println(strings.Join(words, " "))
	csv := "name,age\nann,30\nbob,25"
	for _, line := range strings.Split(csv, "\n") {
		cols := strings.Split(line, ",")
		fmt.Println(len(cols), cols[0], cols[1])
	}
	lines := strings.Split("one\ntwo\n", "\n")
	fmt.Println(len(lines))
}
