// run

package main

import "fmt"

type Meters float64
type Feet float64

func (m Meters) ToFeet() Feet { return Feet(m * 3.28084) }

type IntList []int

func (l IntList) Sum() int {
	s := 0
	for _, v := range l {
		s += v
	}
	return s
}

type Alias = int

type Op func(int, int) int

func main() {
	m := Meters(10)
	fmt.Println(m.ToFeet())
	fmt.Printf("%T %T\n", m, m.ToFeet())
	l := IntList{1, 2, 3, 4}
	fmt.Println(l.Sum(), len(l), l[1:])
	var a Alias = 5
	var n int = a
	fmt.Printf("%T %v\n", a, n)
	var add Op = func(x, y int) int { return x + y }
	fmt.Println(add(2, 3))
	fmt.Printf("%T\n", add)
}
