// run

// Type assertions and type switches to interfaces compare method signatures, not only names.
package main

import "fmt"

type T1 struct{ x, y int }
type T2 struct{ z, w byte }

type MyInt int

func (MyInt) m(*T1) {}

type Sizer interface{ Size() int }
type Sizer64 interface{ Size() int64 }

type File struct{}

func (File) Size() int64 { return 64 }

type Box[T any] struct{ v T }

func (b Box[T]) Get() T { return b.v }

func describe(x any) string {
	switch x.(type) {
	case interface{ Get() int }:
		return "Get() int"
	case interface{ Get() string }:
		return "Get() string"
	}
	return "neither"
}

func main() {
	var i interface{} = MyInt(0)
	_, ok1 := i.(interface{ m(*T1) })
	_, ok2 := i.(interface{ m(*T2) })
	fmt.Println(ok1, ok2)

	var f any = File{}
	_, isSizer := f.(Sizer)
	_, isSizer64 := f.(Sizer64)
	fmt.Println(isSizer, isSizer64)

	fmt.Println(describe(Box[int]{1}), describe(Box[string]{"a"}), describe(Box[bool]{}))

	defer func() { fmt.Println("recovered:", recover()) }()
	_ = f.(Sizer)
}
