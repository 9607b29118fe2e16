// run

package main

import (
	"fmt"
	"strings"
)

func main() {
	s := "the quick brown fox jumps over the lazy dog"
	fmt.Println(strings.Contains(s, "fox"), strings.Contains(s, "cat"), strings.Contains(s, ""))
	fmt.Println(strings.ContainsRune(s, 'q'), strings.ContainsRune(s, 'é'), strings.ContainsAny(s, "xyz"))
	fmt.Println(strings.Index(s, "the"), strings.LastIndex(s, "the"), strings.Index(s, "cat"), strings.Index(s, ""))
	fmt.Println(strings.IndexByte(s, 'q'), strings.IndexRune("héllo", 'l'), strings.IndexAny(s, "zq"), strings.LastIndexByte(s, 'o'))
	fmt.Println(strings.HasPrefix(s, "the"), strings.HasPrefix(s, "quick"), strings.HasSuffix(s, "dog"), strings.HasSuffix(s, ""))
	fmt.Println(strings.Count(s, "o"), strings.Count(s, "the"), strings.Count("five", ""))
	fmt.Println(strings.Compare("a", "b"), strings.Compare("b", "a"), strings.Compare("x", "x"))
	fmt.Println(strings.EqualFold("Go", "GO"), strings.EqualFold("σ", "Σ"), strings.EqualFold("a", "b"))
	before, after, found := strings.Cut("key=value=x", "=")
	fmt.Println(before, after, found)
	before, after, found = strings.Cut("novalue", "=")
	fmt.Printf("%q %q %v\n", before, after, found)
	fmt.Println(strings.IndexFunc("abc123", func(r rune) bool { return r >= '0' && r <= '9' }))
	rest, ok := strings.CutPrefix("prefix-body", "prefix-")
	fmt.Println(rest, ok)
}
