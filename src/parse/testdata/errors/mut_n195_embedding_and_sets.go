// run

package main

import "fmt"

type Getter interface{ Get() int }
type Setter interface{ Set(int) }
type GetSetter interface {
	Getter
	Setter
}

type Box struct{ v int }

func (b *Box) Get() int  { return b.v }
func (b *Box) Set(v int) { b.v = v }

type Val int

func (v Val) Get() int { return int(v) }

func use(gs GetSetter) {
	gs.Set(gs.Get() + 1)
}

func () {
	b := &Box{5}
	use(b)
	use(b)
	fmt.Println(b.Get())
	var g Getter = b
	fmt.Println(g.Get())
	g = Val(3)
	fmt.Println(g.Get())
	var gs GetSetter = b
	g = gs
	fmt.Println(g.Get())
	getters := []Getter{Val(1), &Box{2}, Val(3)}
	sum := 0
	for _, x := range getters {
		sum += x.Get()
	}
	fmt.Println(sum)
	type Empty interface{}
	var e Empty = gs
	_, isSetter := e.(Setter)
	fmt.Println(isSetter)
	var x any = Val(9)
	_, isSetter = x.(Setter)
	fmt.Println(isSetter)
}
