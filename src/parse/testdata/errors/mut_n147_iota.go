// run

package main

import "fmt"

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
)

const ( (
	_  = iota
	KB = 1 << (10 * iota)
	MB
	GB
	TB
)

const (
	a, b = iota, iota * 10
	c, d
	_, _
	e, f
)

const (
	x0 = "s"
	x1
	x2 = iota
	x3
)

type Flags uint8

const (
	FlagA Flags = 1 << iota
	FlagB
	FlagC
)

func main() {
	fmt.Println(Sunday, Monday, Tuesday, Wednesday)
	fmt.Println(KB, MB, GB, TB)
	fmt.Println(a, b, c, d, e, f)
	fmt.Println(x0, x1, x2, x3)
	fmt.Println(FlagA, FlagB, FlagC, FlagA|FlagC)
	fmt.Printf("%T %T\n", Monday, FlagB)
}
