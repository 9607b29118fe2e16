// Command strconv_testdata writes src/stdlib/testdata/strconv.txt: strconv results of the Go
// toolchain that runs it, which the Rust unit tests compare against.
//
//	go run src/stdlib/gen/strconv_testdata.go > src/stdlib/testdata/strconv.txt
//
// Line formats (fields separated by '|', strings hex-encoded so any byte survives):
//
//	ftoa|<float64 bits hex>|<fmt>|<prec>|<bitSize>|<result>
//	atof|<input hex>|<bitSize>|<result float64 bits hex>|<error text hex>
//	atoi|<input>|<base>|<bitSize>|<int64>|<error text>   (inputs are printable, no '|')
//	atou|<input>|<base>|<bitSize>|<uint64>|<error text>
//	Atoi|<input hex>|<int64>|<error text hex>
//	quote|<input hex>|<Quote hex>|<QuoteToASCII hex>|<QuoteToGraphic hex>|<CanBackquote>
//	qrune|<rune>|<QuoteRune hex>|<QuoteRuneToASCII hex>
//	unquote|<input hex>|<result hex>|<ok>
package main

import (
	"encoding/hex"
	"fmt"
	"math"
	"strconv"
)

func h(s string) string { return hex.EncodeToString([]byte(s)) }

func errText(err error) string {
	if err == nil {
		return ""
	}
	return h(err.Error())
}

func rawErr(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func main() {
	floats := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, -2.0 / 3,
		1e6, 1e5, 123456, 1234567, 1e20, 1e21, 1e22, 1e23, 1e-4, 1e-5, 1e-7, 123456789,
		1.5, 2.5, 0.5, -0.5, 3.5, 0.05, 0.15, 0.25, 0.35, 100, 1e100, 5e-324, math.MaxFloat64,
		2.2250738585072014e-308, math.NaN(), math.Inf(1), math.Inf(-1), math.Pi, -math.E,
		9.999999e22, 0.000123456, 12345.678, 255, 16777216, 16777217, 3.4e38, 1e39,
		float64(float32(0.1)), 1.17549435e-38, 1e-45, 0.999999, 0.9999995, 9.5, 99.5,
		1 << 53, 1<<53 + 1, 1e15, 1e16, 1e17, 123e-20, 7.0e-10, 4.35, 2.675, 1.005}
	fmts := []byte{'e', 'E', 'f', 'g', 'G', 'b', 'x', 'X'}
	precs := []int{-1, 0, 1, 3, 6, 17}
	for _, f := range floats {
		for _, c := range fmts {
			for _, p := range precs {
				for _, bs := range []int{32, 64} {
					fmt.Printf("ftoa|%x|%c|%d|%d|%s\n", math.Float64bits(f), c, p, bs,
						strconv.FormatFloat(f, c, p, bs))
				}
			}
		}
	}

	atofs := []string{"1", "-1", "+1.5", "1e6", "1E6", "1e+6", "1e-6", ".5", "5.", "1_000.5",
		"1__0", "_1", "1_", "0x1p-2", "0X1.8P+3", "0x1.fffffffffffff8p1023", "0x1p-1074",
		"0x1p-1075", "0x1.8p-1075", "0x3p-1076", "0x1_0p0", "0x10", "0x1.p1", "0x.8p1",
		"inf", "+Inf", "-infinity", "INFINITY", "nan", "NaN", "-nan", "+nan", "infx", "",
		"+", "-", ".", "e5", "1e", "1e+", "1e400", "-1e400", "1e-400", "3.4028235e38",
		"3.4028236e38", "3.5e38", "1e-46", "0.1", "123456789012345678901234567890",
		"2.2250738585072011e-308", "4.9406564584124654e-324", "abc", "1.5x", " 1", "1 ",
		"0x", "0x1", "0xp1", "1.7976931348623157e308", "1.7976931348623159e308", "00.5",
		"0.000_1", "1_e5", "1e_5", "0_x1p0", "0x_1p0", "+0", "-0", "1e-1000000", "1e1000000"}
	for _, s := range atofs {
		for _, bs := range []int{32, 64} {
			v, err := strconv.ParseFloat(s, bs)
			fmt.Printf("atof|%s|%d|%x|%s\n", h(s), bs, math.Float64bits(v), errText(err))
		}
	}

	atois := []string{"0", "1", "-1", "+1", "123", "-9223372036854775808", "9223372036854775807",
		"9223372036854775808", "-9223372036854775809", "18446744073709551615", "18446744073709551616",
		"999999999999999999999", "-999999999999999999999", "0x1F", "0X1f", "0b101", "0o17", "017",
		"0", "08", "0x", "0b", "1_000", "0x_1F", "0_7", "1__0", "_1", "1_", "abc", "", "+", "-",
		"12a", "z", "Z", "255", "256", "-128", "-129", "127", "128", "65535", "ff", "FF", "0xg",
		"+0x10", "-0b11", "٣", "1 ", "00", "-0"}
	bases := []int{0, 2, 10, 16, 36, 1}
	sizes := []int{0, 8, 32, 64, 65}
	for _, s := range atois {
		for _, b := range bases {
			for _, bs := range sizes {
				v, err := strconv.ParseInt(s, b, bs)
				fmt.Printf("atoi|%s|%d|%d|%d|%s\n", s, b, bs, v, rawErr(err))
				u, err := strconv.ParseUint(s, b, bs)
				fmt.Printf("atou|%s|%d|%d|%d|%s\n", s, b, bs, u, rawErr(err))
			}
		}
		v, err := strconv.Atoi(s)
		fmt.Printf("Atoi|%s|%d|%s\n", h(s), v, errText(err))
	}

	quotes := []string{"", "hello", "a\"b", "a\\b", "a'b", "tab\there", "nl\n", "\a\b\f\r\v",
		"\x00\x01\x1f\x7f", "\xff", "a\xc3", "é", "世界", "😀", "\u00a0", "\u00ad", "\u200b",
		"\ufeff", "\u2028", "\U0001F600x", "`", "\u0300", "\xed\xa0\x80", "\xf4\x90\x80\x80",
		"\u3000", "\U000E0001", "\U0010FFFF", "\uFFFD", "\x80abc"}
	for _, s := range quotes {
		fmt.Printf("quote|%s|%s|%s|%s|%v\n", h(s), h(strconv.Quote(s)), h(strconv.QuoteToASCII(s)),
			h(strconv.QuoteToGraphic(s)), strconv.CanBackquote(s))
	}
	runes := []rune{0, 'a', '\'', '"', '\\', '\n', 0x7f, 0xa0, 0xe9, 0x4e16, 0x1f600, 0xd800,
		0x110000, -1, 0xfffd, 0x200b, 0x10ffff, 0x3000, 0xe0001}
	for _, r := range runes {
		fmt.Printf("qrune|%d|%s|%s\n", r, h(strconv.QuoteRune(r)), h(strconv.QuoteRuneToASCII(r)))
	}
	unquotes := []string{`"abc"`, `"a\"b"`, `'a'`, `'ab'`, `''`, "`raw\\n`", "`a\rb`", `"\x41\101\u00e9\U0001F600"`,
		`"\xff"`, "\"\xff\"", "'\xff'", `'\x41'`, `'\u00e9'`, `'\377'`, `"\400"`, `"\'"`, `'\"'`, `'\''`,
		`"\q"`, `"abc`, `abc"`, `"a"b"`, "\"a\nb\"", `"`, ``, `"\ud800"`, `'\ud800'`, `"é"`, `'é'`,
		`'\xff'`, `"\\"`, "`a`b`", `"\a\b\f\n\r\t\v"`}
	for _, s := range unquotes {
		v, err := strconv.Unquote(s)
		fmt.Printf("unquote|%s|%s|%v\n", h(s), h(v), err == nil)
	}
}
