// Command strings_testdata writes src/stdlib/testdata/strings.txt: strings/utf8 results of
// the Go toolchain that runs it.
//
//	go run src/stdlib/gen/strings_testdata.go > src/stdlib/testdata/strings.txt
//
// Lines: <op>|<a hex>|<b hex>|<int k>|<c hex>|<result>; string results hex, lists of strings
// comma-separated hex, bools and ints in decimal.
package main

import (
	"encoding/hex"
	"fmt"
	"strings"
	"unicode/utf8"
)

func h(s string) string { return hex.EncodeToString([]byte(s)) }

func list(v []string) string {
	var o []string
	for _, s := range v {
		o = append(o, h(s))
	}
	return strings.Join(o, ",")
}

func try(f func() string) (s string) {
	defer func() {
		if r := recover(); r != nil {
			s = fmt.Sprintf("panic:%v", r)
		}
	}()
	return f()
}

func main() {
	strs := []string{"", "a", "abc", "a,b,c", ",a,,b,", "héllo wörld", "  \t hi there \n ", "\u00a0x\u3000",
		"\xffab\xfe", "a\xc3", "ΑΒΓ αβγ", "ß ẞ ǅ ǆ Ǆ", "İi ıI", "K k \u212a", "ﬀ", "aaaa", "😀x😀",
		"\u0085a\u0085", "ab\ufffdcd", "Hello, World", "ⅰⅱ", "\xed\xa0\x80", "a b  c   d"}
	seps := []string{"", "a", ",", "aa", "l", "\xff", "\ufffd", "é", " ", "x😀", "ab"}
	for _, s := range strs {
		for _, sep := range seps {
			o := func(op, res string, k int) { fmt.Printf("%s|%s|%s|%d||%s\n", op, h(s), h(sep), k, res) }
			o("Index", fmt.Sprint(strings.Index(s, sep)), 0)
			o("LastIndex", fmt.Sprint(strings.LastIndex(s, sep)), 0)
			o("Count", fmt.Sprint(strings.Count(s, sep)), 0)
			o("Contains", fmt.Sprint(strings.Contains(s, sep)), 0)
			o("ContainsAny", fmt.Sprint(strings.ContainsAny(s, sep)), 0)
			o("IndexAny", fmt.Sprint(strings.IndexAny(s, sep)), 0)
			o("LastIndexAny", fmt.Sprint(strings.LastIndexAny(s, sep)), 0)
			o("Split", list(strings.Split(s, sep)), 0)
			o("SplitAfter", list(strings.SplitAfter(s, sep)), 0)
			for _, n := range []int{-1, 0, 1, 2, 3} {
				o("SplitN", list(strings.SplitN(s, sep, n)), n)
			}
			o("Trim", h(strings.Trim(s, sep)), 0)
			o("TrimLeft", h(strings.TrimLeft(s, sep)), 0)
			o("TrimRight", h(strings.TrimRight(s, sep)), 0)
			o("EqualFold", fmt.Sprint(strings.EqualFold(s, sep)), 0)
			o("Compare", fmt.Sprint(strings.Compare(s, sep)), 0)
			b, a, f := strings.Cut(s, sep)
			o("Cut", fmt.Sprintf("%s,%s,%v", h(b), h(a), f), 0)
			o("ToValidUTF8", h(strings.ToValidUTF8(s, sep)), 0)
			for _, n := range []int{-1, 0, 1, 2} {
				for _, nw := range []string{"", "XY"} {
					fmt.Printf("Replace|%s|%s|%d|%s|%s\n", h(s), h(sep), n, h(nw), h(strings.Replace(s, sep, nw, n)))
				}
			}
		}
		o := func(op, res string, k int) { fmt.Printf("%s|%s||%d||%s\n", op, h(s), k, res) }
		o("Fields", list(strings.Fields(s)), 0)
		o("ToUpper", h(strings.ToUpper(s)), 0)
		o("ToLower", h(strings.ToLower(s)), 0)
		o("ToTitle", h(strings.ToTitle(s)), 0)
		o("TrimSpace", h(strings.TrimSpace(s)), 0)
		o("RuneCount", fmt.Sprint(utf8.RuneCountInString(s)), 0)
		o("ValidString", fmt.Sprint(utf8.ValidString(s)), 0)
		var rs []string
		for i, r := range s {
			rs = append(rs, fmt.Sprintf("%d:%d", i, r))
		}
		o("Runes", strings.Join(rs, ","), 0)
		for _, n := range []int{-1, 0, 1, 3} {
			o("Repeat", try(func() string { return h(strings.Repeat(s, n)) }), n)
		}
		for _, r := range []rune{'a', 'l', 0xfffd, 0xe9, 0x1f600, -1, 0xd800, 0x110000} {
			o("IndexRune", fmt.Sprint(strings.IndexRune(s, r)), int(r))
		}
	}
	for _, r := range []int{-1, 0, 65, 0xe9, 0xd800, 0xdfff, 0x10ffff, 0x110000, 0x7fffffff} {
		fmt.Printf("RuneConv|||%d||%s\n", r, h(string(rune(r))))
	}
}
