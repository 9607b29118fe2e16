// run

// Methods promoted from embedded fields, called through interfaces, method values and pointers.
package main

import "fmt"

type Base struct{ ID int }

func (b Base) Describe() string { return fmt.Sprint("base ", b.ID) }
func (b *Base) Ptr() string     { return fmt.Sprint("ptr ", b.ID) }

type Derived struct {
	Base
	Name string
}

type Outer struct {
	X int
	Derived
}

func main() {
	var d interface{ Describe() string } = Derived{Base{7}, "d"}
	fmt.Println(d.Describe())
	var p interface{ Ptr() string } = &Derived{Base{8}, "e"}
	fmt.Println(p.Ptr())
	var o interface{ Describe() string } = Outer{1, Derived{Base{9}, "f"}}
	fmt.Println(o.Describe())
	var op interface{ Describe() string } = &Outer{1, Derived{Base{10}, "g"}}
	fmt.Println(op.Describe())
	f := d.Describe
	fmt.Println(f())
}
