// Command fmt_testdata writes src/stdlib/testdata/fmt.txt: fmt results of the Go toolchain
// that runs it, for the named values below (the Rust test builds the same values by name).
//
//	go run src/stdlib/gen/fmt_testdata.go > src/stdlib/testdata/fmt.txt
//
// Lines: one|<value name>|<format hex>|<output hex>
//        printf|<format hex>|<value names, comma-separated>|<output hex>
//        print|<value names>|<output hex>     (Sprint)
//        println|<value names>|<output hex>   (Sprintln)
package main

import (
	"encoding/hex"
	"fmt"
	"math"
	"strings"
)

type S struct {
	A int
	b string
}

type E struct{}

func (E) Error() string { return "boom" }

type Str int

func (s Str) String() string { return fmt.Sprintf("Str(%d)", int(s)) }

type MyInt int
type MyStr string

type Named string

func (n Named) String() string { return "N:" + string(n) }

type Outer struct {
	S
	N int
}

type Iface struct {
	X any
	Y error
}

type G struct{ V int }

func (g G) GoString() string { return "G!" }
func (g G) String() string   { return "g" }

type Buf []byte

type EmbP struct {
	*S
	N int
}

type Ifs struct {
	A any
	B any
	C any
}

type Strs []Str

func main() {
	vals := []struct {
		name string
		v    any
	}{
		{"i42", 42}, {"ineg", -42}, {"i0", 0}, {"i8", int8(-5)}, {"u255", uint(255)},
		{"u8", uint8(200)}, {"r", 'x'}, {"imin", int64(math.MinInt64)}, {"umax", uint64(math.MaxUint64)},
		{"f", 3.14159}, {"fneg", -2.5}, {"f0", 0.0}, {"fbig", 1e21}, {"fsmall", 1e-7},
		{"f32", float32(0.1)}, {"nan", math.NaN()}, {"inf", math.Inf(1)}, {"ninf", math.Inf(-1)},
		{"fint", 100.0}, {"c", complex(1, -2)}, {"t", true}, {"s", "héllo"}, {"sq", "a\"b\n"},
		{"empty", ""}, {"bs", []byte("hi")}, {"bsnil", []byte(nil)}, {"arrb", [3]byte{65, 66, 67}},
		{"sl", []int{1, -2, 3}}, {"slnil", []int(nil)}, {"sls", []string{"a", "b c"}},
		{"arr", [2]bool{true, false}}, {"m", map[string]int{"b": 2, "a": 1, "c": 3}},
		{"mnil", map[string]int(nil)}, {"mi", map[int]string{3: "c", -1: "a", 2: "b"}},
		{"st", S{1, "x"}}, {"pst", &S{2, "y"}}, {"pnil", (*int)(nil)}, {"nil", nil},
		{"err", E{}}, {"str", Str(3)}, {"myint", MyInt(7)}, {"mystr", MyStr("z")},
		{"iface", Iface{}}, {"outer", Outer{S{1, "q"}, 2}}, {"strs", []Str{1, 2}},
		{"mapstr", map[Str]int{2: 1, 1: 2}}, {"named", Named("n")}, {"g", G{1}},
		{"buf", Buf("ab")}, {"mf", map[float64]string{math.NaN(): "nan", 2: "two", -1: "neg"}},
		{"mb", map[bool]int{true: 1, false: 0}}, {"nested", [][]int{{1}, {2, 3}}},
		{"sts", []S{{1, "a"}, {2, "b"}}}, {"pmap", &map[string]int{"k": 1}}, {"psl", &[]int{1}},
		{"f32b", float32(16777216.0)}, {"fhalf", 0.5}, {"ftiny", 5e-324}, {"fmax", math.MaxFloat64},
				{"mixed", []any{1, "a", nil, 2.5}},
		{"msl", map[string][]int{"x": {1, 2}, "a": nil}}, {"mst", map[string]S{"k": {1, "v"}}},
		{"pslnil", []*S{nil, nil}}, {"embp", EmbP{nil, 3}}, {"ifs", Ifs{7, "s", S{1, "z"}}},
		{"arr2", [2][]string{{"a"}, {}}}, {"marr", map[[2]int]string{{2, 1}: "b", {1, 9}: "a", {1, 2}: "c"}},
		{"mstk", map[S]int{{2, "a"}: 1, {1, "b"}: 2, {1, "a"}: 3}}, {"c64", complex64(complex(1.5, -0.25))},
		{"uptr", uintptr(0x1234)}, {"i16", int16(-300)}, {"chnil", (chan int)(nil)}, {"fnnil", (func())(nil)},
		{"nestany", []any{[]any{1, nil}, map[string]any{"z": nil, "a": []int{}}}},
		{"strsl", Strs{1, 2}}, {"bslice2", [][]byte{[]byte("hi"), nil}}, {"mbs", map[string][]byte{"k": []byte("v")}},
		{"muint", map[uint8]bool{3: true, 1: false}}, {"f32s", []float32{0.1, 1e-7, 1e21}},
		{"negz", math.Copysign(0, -1)}, {"bigu", uint64(1) << 63},
	}
	byName := map[string]any{}
	for _, v := range vals {
		byName[v.name] = v.v
	}
	formats := []string{"%v", "%+v", "%#v", "%T", "%d", "%s", "%q", "%x", "%X", "%o", "%O", "%b",
		"%c", "%U", "%#U", "%e", "%E", "%f", "%F", "%g", "%G", "%t", "%5v", "%-5v|", "%05v", "%.2v",
		"%8.3f", "%+d", "% d", "%#x", "% x", "%# x", "%10s", "%-10s|", "%.1s", "%+q", "%#q", "%6.2f",
		"%010.3e", "%-8d|", "%+.3e", "%08b", "%3c", "%.0f", "%#o", "%#b", "%.3d", "%+.2v", "%#.3g",
		"%#g", "%#e", "%#.0f", "%x|%X", "%!", "%z", "%-010d|", "% 8.2f", "%+v|%#v",
		"%#08x", "%-#10x|", "%+#o", "%#X", "% +d", "%+ d", "%06.2f", "%-6.1e|", "%#5q", "%+.1q",
		"%.3x", "%10.4v|", "%-#8v|", "%#-8.3v|", "%U|%#U", "%.0d", "%.0s", "%.10f", "%.20g", "%#.20g",
		"%e|%.0e", "%G|%.3G", "%+x", "%#+x", "% #X", "%08s", "%-08s|", "%.5b", "%#.5b", "%#O"}
	h := func(s string) string { return hex.EncodeToString([]byte(s)) }
	for _, v := range vals {
		for _, f := range formats {
			fmt.Printf("one|%s|%s|%s\n", v.name, h(f), h(fmt.Sprintf(f, v.v)))
		}
	}
	multi := []struct {
		format string
		args   string
	}{
		{"%d %d", "i42"}, {"%d", "i42,ineg,s,nil"}, {"%[2]d %[1]d %d", "i42,ineg"},
		{"%*d|%-*d|%.*f", "i8,i42,i8,ineg,r,f"}, {"%[3]*.[2]*[1]f|", "f,i8,i42"},
		{"%[5]d|%[0]d|%[x]d|%[1]2d", "i42"}, {"%.*d|%*d", "ineg,i42,u255,i0"}, {"%", "i42"},
		{"%-", ""}, {"%5.2", "f"}, {"abc%", ""}, {"%[1]d %[1]x %[1]o", "i42"}, {"%[2]v", "i42"},
		{"%v %v", "nil,nil"}, {"x%%y%v", "s"}, {"%s %s", "s,err"}, {"%*d", "s,i42"},
		{"%.*s|", "u8,s"}, {"%[3]v %v", "i42,ineg,i0"}, {"%d %[3]d %d", "i42,ineg,i0,u8"},
		{"é%vé", "s"}, {"%☺", "i42"}, {"%-*d|", "ineg,i42"},
	}
	for _, m := range multi {
		var args []any
		if m.args != "" {
			for _, n := range strings.Split(m.args, ",") {
				args = append(args, byName[n])
			}
		}
		fmt.Printf("printf|%s|%s|%s\n", h(m.format), m.args, h(fmt.Sprintf(m.format, args...)))
	}
	prints := []string{"i42,ineg", "s,i42,s", "i42,s,ineg", "s,s", "nil,nil", "i42,nil", "mystr,i42",
		"named,i42", "str,i42", "f,fneg,s", "bs,bs", "err,i42", "", "t,f32,c"}
	for _, pr := range prints {
		var args []any
		if pr != "" {
			for _, n := range strings.Split(pr, ",") {
				args = append(args, byName[n])
			}
		}
		fmt.Printf("print|%s|%s\n", pr, h(fmt.Sprint(args...)))
		fmt.Printf("println|%s|%s\n", pr, h(fmt.Sprintln(args...)))
	}
}
