// Command scan_testdata writes src/stdlib/testdata/scan.txt: fmt.Sscan/Sscanln/Sscanf
// results of the Go toolchain that runs it.
//
//	go run src/stdlib/gen/scan_testdata.go > src/stdlib/testdata/scan.txt
//
// Lines: <func>|<input hex>|<format hex>|<targets>|<n>|<values, ';'-separated>|<error hex>
// targets: comma-separated kinds: i i8 i32 u u8 f f32 s B b c
package main

import (
	"encoding/hex"
	"fmt"
	"strings"
)

func h(s string) string { return hex.EncodeToString([]byte(s)) }

func main() {
	type tc struct{ fn, input, format, targets string }
	var cases []tc
	inputs := []string{"", "42", "  42  ", "-17 x", "+5", "0x1F 0b101 0o17 017", "1_000", "abc",
		"12 34\n56", "12\n34", "3.5 -2e3", "1e400", "nan Inf -inf", "true false T F 1 0 tru", "hello world",
		"\"quoted\\tstr\" `raw`", "68656c6c6f", "999999999999999999999", "300", "-129", "1.5p3 0x1p-2",
		"(1+2i) 3-4i", "é ü 世", "a\xffb", "12abc", "1 2 3 4", "  \n  7", "5\r\n6", "x:1 y:2", "10%", "%5",
		"0", "-0", "08", "1.", ".5", "1e", "+", "-", "0x", "1__2", "_1"}
	targetSets := []string{"i", "i,i", "i,s", "s,s", "f,f", "f32", "b,b,b,b,b,b,b", "i8", "u8", "u",
		"s", "B", "c,c", "i32,i32,i32", "i,i,i,i,i", "f,f,f"}
	for _, in := range inputs {
		for _, ts := range targetSets {
			cases = append(cases, tc{"Sscan", in, "", ts}, tc{"Sscanln", in, "", ts})
		}
	}
	fcases := []struct{ input, format, targets string }{
		{"42", "%d", "i"}, {"x:1 y:2", "x:%d y:%d", "i,i"}, {"x:1 y:2", "x:%d,y:%d", "i,i"},
		{"10%", "%d%%", "i"}, {"%5", "%%%d", "i"}, {"12345", "%3d%d", "i,i"}, {"abc", "%c%c%c", "i32,i32,i32"},
		{"ff", "%x", "i"}, {"ff", "%x", "s"}, {"hello", "%x", "s"}, {"1010", "%b", "i"}, {"17", "%o", "u"},
		{"U+1F600", "%U", "i32"}, {"3.5", "%f", "f"}, {"3.5", "%g", "f32"}, {"3.5", "%d", "f"},
		{"true", "%t", "b"}, {"true", "%v", "b"}, {"x", "%d", "s"}, {"\"q\\n\"", "%q", "s"},
		{"1 2", "%d %d %d", "i,i,i"}, {"1 2", "%d", "i,i"}, {"1 2", "%d %d", "i"}, {"1\n2", "%d %d", "i,i"},
		{"1\n2", "%d\n%d", "i,i"}, {"1 2", "%d\n%d", "i,i"}, {"1  2", "%d %d", "i,i"}, {"12", "%d %d", "i,i"},
		{"a b", "%s%s", "s,s"}, {"ab", "%1s%1s", "s,s"}, {"hello", "%", "s"}, {"5 apples", "%d apples", "i"},
		{"5 pears", "%d apples", "i"}, {"", "%d", "i"}, {"  42", "%d", "i"}, {"42  ", "%d ", "i"},
		{"a,b", "%s,%s", "s,s"}, {"1,2", "%d,%d", "i,i"}, {"2024-01-15", "%d-%d-%d", "i,i,i"},
		{"x", "%z", "i"}, {"1", "%5.2d", "i"}, {"1.5e2", "%e", "f"}, {"(1+2i)", "%v", "c"},
		{"é", "%c", "i32"}, {"", "", ""}, {"extra", "", ""}, {"1", "%d", ""}, {"7\n", "%d\n", "i"},
		{"7", "%d\n", "i"}, {"7 \n 8", "%d \n %d", "i,i"}, {"1 2", "%d%d", "i,i"}, {"1", "%v", "i"}}
	for _, c := range fcases {
		cases = append(cases, tc{"Sscanf", c.input, c.format, c.targets})
	}
	for _, c := range cases {
		var ptrs []any
		if c.targets != "" {
			for _, t := range strings.Split(c.targets, ",") {
				switch t {
				case "i":
					ptrs = append(ptrs, new(int))
				case "i8":
					ptrs = append(ptrs, new(int8))
				case "i32":
					ptrs = append(ptrs, new(int32))
				case "u":
					ptrs = append(ptrs, new(uint))
				case "u8":
					ptrs = append(ptrs, new(uint8))
				case "f":
					ptrs = append(ptrs, new(float64))
				case "f32":
					ptrs = append(ptrs, new(float32))
				case "s":
					ptrs = append(ptrs, new(string))
				case "B":
					ptrs = append(ptrs, new([]byte))
				case "b":
					ptrs = append(ptrs, new(bool))
				case "c":
					ptrs = append(ptrs, new(complex128))
				}
			}
		}
		var n int
		var err error
		switch c.fn {
		case "Sscan":
			n, err = fmt.Sscan(c.input, ptrs...)
		case "Sscanln":
			n, err = fmt.Sscanln(c.input, ptrs...)
		case "Sscanf":
			n, err = fmt.Sscanf(c.input, c.format, ptrs...)
		}
		var vals []string
		for _, p := range ptrs[:n] {
			switch v := p.(type) {
			case *int:
				vals = append(vals, fmt.Sprint(*v))
			case *int8:
				vals = append(vals, fmt.Sprint(*v))
			case *int32:
				vals = append(vals, fmt.Sprint(*v))
			case *uint:
				vals = append(vals, fmt.Sprint(*v))
			case *uint8:
				vals = append(vals, fmt.Sprint(*v))
			case *float64:
				vals = append(vals, fmt.Sprint(*v))
			case *float32:
				vals = append(vals, fmt.Sprint(*v))
			case *string:
				vals = append(vals, h(*v))
			case *[]byte:
				vals = append(vals, h(string(*v)))
			case *bool:
				vals = append(vals, fmt.Sprint(*v))
			case *complex128:
				vals = append(vals, fmt.Sprint(*v))
			}
		}
		e := ""
		if err != nil {
			e = h(err.Error())
		}
		fmt.Printf("%s|%s|%s|%s|%d|%s|%s\n", c.fn, h(c.input), h(c.format), c.targets, n, strings.Join(vals, ";"), e)
	}
}
