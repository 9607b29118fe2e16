// run

package main

import (
	"fmt"
	"strings"
)

type Color int

const (
	Red Color = iota
	Green
	Blue
)

func (c Color) String() string {
	switch c {
	case Red:
		return "Red"
	case Green:
		return "Green"
	case Blue:
		return "Blue"
	}
	return fmt.Sprintf("Color(%d)", int(c))
}

type Pair struct{ A, B int }

func (p *Pair) String() string { return fmt.Sprintf("<%d,%d>", p.A, p.B) }

type List []Color

func (l List) String() string {
	parts := make([]string, len(l))
	for i, c := range l {
		parts[i] = c.String()
	}
	return strings.Join(parts, "+")
}

func main() {
	fmt.Println(Red, Blue, Color(7))
	fmt.Printf("%v %s %d %q\n", Green, Green, Green, Green)
	fmt.Println([]Color{Red, Green})
	fmt.Println(map[Color]int{Blue: 2, Red: 1})
	p := Pair{1, 2}
	fmt.Println(p, &p)
	fmt.Printf("%v %+v\n", p, &p)
	fmt.Println(List{Red, Blue})
	s := fmt.Sprint(Blue)
	fmt.Println(s, len(s))
	var st fmt.Stringer = Green
	fmt.Println(st.String())
}
