// run

package main

import "fmt"

const big = 1 << 100
const huge = big * big
const small = big >> 98
const third = 1.0 / 3
const exact = 1 / 3
const mixed = 7 / 2.0

type Celsius float64

const boiling Celsius = 100

func main() {
	fmt.Println(small, huge/big/big)
	fmt.Println(third, exact, mixed)
	fmt.Println(big / (1 << 90))
	var f float32 = third
	var d float64 = third
	fmt.Println(f, d)
	fmt.Println(boiling/3, boiling*2)
	fmt.Printf("%T %T %T %T\n", small, third, 'a', 1+2i)
	const r = 'a' + 1
	fmt.Println(r, string(rune(r)))
	var i8 int8 = 127
	fmt.Println(i8, -128+0)
	fmt.Println(5%3, -5%3, 5%-3, -5/3)
	fmt.Println(1e3 == 1000, 0.1+0.2 == 0.3)
	x := 0.1
	fmt.Println(x+0.2 == 0.3)
}
