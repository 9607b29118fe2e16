// run

// Method expressions of promoted methods (through embedded values, pointers and interfaces,
// and on struct and interface type literals) select the receiver as a call would.
package main

import "fmt"

type Inner struct{ s string }

func (i Inner) Get() string       { return i.s }
func (i *Inner) Set(s string)     { i.s = s }
func (i Inner) Join(xs ...string) string { return i.s + fmt.Sprint(xs) }

type Outer struct{ *Inner }
type Val struct {
	n int
	Inner
}

type Namer interface{ Name() string }
type named string

func (n named) Name() string { return string(n) }

type HasNamer struct{ Namer }

func main() {
	o := &Outer{&Inner{"hello"}}
	fmt.Println((*Outer).Get(o), Outer.Get(*o))
	Outer.Set(*o, "bye")
	fmt.Println(o.Get())
	v := Val{1, Inner{"val"}}
	fmt.Println(Val.Get(v), (*Val).Get(&v))
	(*Val).Set(&v, "changed")
	fmt.Println(v.s, Val.Join(v, "a", "b"))
	f := HasNamer.Name
	fmt.Println(f(HasNamer{named("nm")}))
	g := struct{ Inner }.Get
	fmt.Println(g(struct{ Inner }{Inner{"anon"}}))
	h := interface{ Name() string }.Name
	fmt.Println(h(named("iface")))
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(f(HasNamer{}))
}
