// run

package main

import (
	"fmt"
	"sort"
	"strings"
)

type Speaker interface{ Speak() string }

type Cat struct{ name string }

func (c Cat) Speak() string { return c.name + " says meow" }

type Robot struct{ id int }

func (r *Robot) Speak() string { return fmt.Sprint("robot ", r.id, " beeps") }

func main() {
	var s Speaker = Cat{"Tom"}
	speak := s.Speak // method value from an interface: bound to the Cat now in s
	s = &Robot{7}
	fmt.Println(speak(), "/", s.Speak())
	viaExpr := Speaker.Speak // method expression on an interface type
	fmt.Println(viaExpr(Cat{"B"}))
	fns := []func() string{Cat{"A"}.Speak, (&Robot{1}).Speak, s.Speak}
	var outs []string
	for _, f := range fns {
		outs = append(outs, f())
	}
	sort.Strings(outs)
	fmt.Println(strings.Join(outs, "; "))
	fmt.Printf("%T %T\n", speak, viaExpr)
}
