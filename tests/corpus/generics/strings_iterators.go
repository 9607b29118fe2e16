// run

package main

import (
	"fmt"
	"strings"
)

func main() {
	for l := range strings.Lines("a\nbb\nccc") {
		fmt.Printf("%q ", l)
	}
	fmt.Println()
	for p := range strings.SplitSeq("x,y,,z", ",") {
		fmt.Printf("%q ", p)
	}
	fmt.Println()
	for p := range strings.SplitAfterSeq("x,y", ",") {
		fmt.Printf("%q ", p)
	}
	for p := range strings.SplitSeq("héé", "") {
		fmt.Printf("%q ", p)
	}
	fmt.Println()
	for w := range strings.FieldsSeq("  the quick  brown ") {
		if w == "brown" {
			break
		}
		fmt.Print(w, "|")
	}
	fmt.Println()
	n := 0
	for range strings.FieldsFuncSeq("a1b22c", func(r rune) bool { return r >= '0' && r <= '9' }) {
		n++
	}
	fmt.Println(n, strings.ToUpper("ok"))
	f := strings.Lines
	fmt.Printf("%T\n", f)
}
