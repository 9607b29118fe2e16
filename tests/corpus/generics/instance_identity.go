// run

package main

import "fmt"

type Box[T any] struct{ v T }

func (b Box[T]) Get() T { return b.v }

func Make[T any](v T) any { return Box[T]{v} }

func main() {
	var x any = Box[byte]{1}
	_, ok := x.(Box[uint8])
	y := Make[uint8](2)
	b, ok2 := y.(Box[byte])
	var r any = Box[rune]{'a'}
	_, ok3 := r.(Box[int32])
	fmt.Println(ok, ok2, b.Get(), ok3)
	fmt.Printf("%T %T\n", x, r)
}
