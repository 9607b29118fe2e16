// run

package main

import (
	"fmt"
	"strconv"
)

func main() {
	for _, s := range []string{"3.14", "1e10", "-0.5", "inf", "-Inf", "NaN", "0x1p-2", "1e400", "abc", ".5", "1_000.5"} {
		f, err := strconv.ParseFloat(s, 64)
		fmt.Println(f, err)
	}
	f32, err := strconv.ParseFloat("0.1", 32)
	fmt.Println(f32, err)
	for _, s := range []string{"true", "1", "T", "FALSE", "f", "yes"} {
		b, err := strconv.ParseBool(s)
		fmt.Println(b, err)
	}
	x := 1234.5678
	fmt.Println(strconv.FormatFloat(x, 'f', 2, 64), strconv.FormatFloat(x, 'e', 3, 64), strconv.FormatFloat(x, 'g', -1, 64))
	fmt.Println(strconv.FormatFloat(x, 'f', -1, 32), strconv.FormatFloat(0.000001, 'g', -1, 64), strconv.FormatFloat(1e21, 'f', 0, 64))
	fmt.Println(strconv.FormatFloat(2.5, 'f', 0, 64), strconv.FormatFloat(-0.0, 'g', -1, 64), strconv.FormatFloat(100, 'E', -1, 64))
	fmt.Println(strconv.FormatBool(true), strconv.FormatBool(false))
	fmt.Println(strconv.Quote("hi\n\"there\"\t\x00é"), strconv.QuoteToASCII("é世"), strconv.QuoteRune('☺'))
	s, err := strconv.Unquote(`"a\tb"`)
	fmt.Printf("%q %v\n", s, err)
	_, err = strconv.Unquote("noquotes")
	fmt.Println(err)
}
