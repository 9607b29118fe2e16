// Command bufio_testdata writes src/stdlib/testdata/bufio.txt: bufio.Scanner tokens of the
// Go toolchain that runs it.
//
//	go run src/stdlib/gen/bufio_testdata.go > src/stdlib/testdata/bufio.txt
//
// Lines: <split>|<input hex>|<max token size, 0 = default>|<tokens hex, comma-separated>|<Err() hex>
package main

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"strings"
)

func main() {
	inputs := []string{"", "a", "a\n", "a\nb", "a\r\nb\r\n", "\n\n", "\r\n", "x\ry\n", "  hello   world \t\n foo",
		"\u00a0a\u2003b\u3000", "é世\xff\xe4\xb8", "\xe4\xb8", strings.Repeat("x", 40) + "\nshort\n",
		"line1\nline2 with spaces\n\nline4", "tok1 tok2\ntok3"}
	for _, split := range []string{"lines", "words", "runes", "bytes"} {
		for _, in := range inputs {
			for _, max := range []int{0, 20} {
				s := bufio.NewScanner(strings.NewReader(in))
				if max > 0 {
					s.Buffer(make([]byte, 16), max)
				}
				switch split {
				case "words":
					s.Split(bufio.ScanWords)
				case "runes":
					s.Split(bufio.ScanRunes)
				case "bytes":
					s.Split(bufio.ScanBytes)
				}
				var toks []string
				for s.Scan() {
					toks = append(toks, hex.EncodeToString(s.Bytes()))
				}
				e := ""
				if s.Err() != nil {
					e = hex.EncodeToString([]byte(s.Err().Error()))
				}
				fmt.Printf("%s|%s|%d|%s|%s\n", split, hex.EncodeToString([]byte(in)), max, strings.Join(toks, ","), e)
			}
		}
	}
}
