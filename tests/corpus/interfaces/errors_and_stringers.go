// run

package main

import (
	"fmt"
	"strconv"
)

type Temp float64

func (t Temp) String() string { return strconv.FormatFloat(float64(t), 'f', 1, 64) + "C" }

type ParseError struct {
	Line int
	Msg  string
}

func (e ParseError) Error() string { return "line " + strconv.Itoa(e.Line) + ": " + e.Msg }

type Both struct{}

func (Both) Error() string  { return "as error" }
func (Both) String() string { return "as stringer" }

func parse(s string) (int, error) {
	if s == "" {
		return 0, ParseError{3, "empty"}
	}
	return len(s), nil
}

func main() {
	fmt.Println(Temp(36.6))
	fmt.Printf("%v|%s|%d\n", Temp(1), Temp(2), 3)
	_, err := parse("")
	fmt.Println(err)
	fmt.Printf("%v / %s / %q\n", err, err, err)
	if pe, ok := err.(ParseError); ok {
		fmt.Println(pe.Line, pe.Msg)
	}
	fmt.Println(Both{})
	var st fmt.Stringer = Temp(0)
	fmt.Println(st)
	fmt.Printf("%+v %#v\n", ParseError{1, "x"}, ParseError{1, "x"})
}
