// run

package main

import "fmt"

type Pt struct{ X, Y int }

type Shape interface{ Area() int }

type Sq struct{ S int }

func (s Sq) Area() int { return s.S * s.S }

type Node struct {
	Val   int
	Pos   Pt
	Tags  [2]string
	Sh    Shape
	Next  *Node
	inner struct{ a, b int }
}

type Wrapper struct {
	Pt
	*Node
	Name string
}

func main() {
	var list *Node
	for i := 0; i < 4; i++ {
		list = &Node{Val: i, Next: list, Pos: Pt{i, -i}, Tags: [2]string{"t", fmt.Sprint(i)}}
	}
	for n := list; n != nil; n = n.Next {
		fmt.Print(n.Val, n.Pos, n.Tags, n.Sh == nil, " ")
	}
	fmt.Println()
	a, b := &Pt{1, 2}, &Pt{1, 2}
	fmt.Println(a == b, *a == *b, a, *b)
	a.X = 10
	fmt.Println(a, b)
	x := &Node{Val: 1}
	x = &Node{Val: x.Val + 1, Next: x, Sh: Sq{3}}
	fmt.Println(x.Val, x.Next.Val, x.Sh.Area(), x.Next.Next == nil)
	w := &Wrapper{Pt{5, 6}, &Node{Val: 7}, "w"}
	fmt.Println(w.X, w.Val, w.Name, w.Pt)
	w2 := &Wrapper{Name: "only"}
	fmt.Println(w2.Node == nil, w2.Pt, w2.Name)
	n := &Node{}
	n.inner.b = 3
	fmt.Printf("%+v\n", *n)
	ps := []*Pt{{1, 1}, {2, 2}}
	ps[0].Y = 9
	fmt.Println(*ps[0], *ps[1])
	m := map[string]*Pt{"a": {3, 4}}
	m["a"].X++
	fmt.Println(*m["a"])
	var sh Shape = &Sq{4}
	fmt.Println(sh.Area())
	f := func(v int) *Pt { return &Pt{Y: v, X: v * 2} }
	fmt.Println(*f(3), *f(4) == Pt{8, 4})
}
