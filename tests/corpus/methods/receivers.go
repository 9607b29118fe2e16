// run

package main

import "fmt"

type Vec struct{ X, Y float64 }

func (v Vec) Add(o Vec) Vec       { return Vec{v.X + o.X, v.Y + o.Y} }
func (v Vec) Len2() float64       { return v.X*v.X + v.Y*v.Y }
func (v *Vec) Scale(f float64)    { v.X *= f; v.Y *= f }
func (v *Vec) Reset()             { *v = Vec{} }
func (v Vec) TryScale(f float64)  { v.X *= f }

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Stack []int

func (s *Stack) Push(v int) { *s = append(*s, v) }
func (s *Stack) Pop() int {
	old := *s
	v := old[len(old)-1]
	*s = old[:len(old)-1]
	return v
}

func main() {
	v := Vec{3, 4}
	fmt.Println(v.Add(Vec{1, 1}), v.Len2())
	v.Scale(2) // auto &v
	fmt.Println(v)
	v.TryScale(100)
	fmt.Println(v)
	p := &v
	fmt.Println(p.Len2()) // auto *p
	p.Reset()
	fmt.Println(v)
	fmt.Println(Celsius(21.5))
	var s Stack
	s.Push(1)
	s.Push(2)
	s.Push(3)
	fmt.Println(s.Pop(), s.Pop(), s)
	vs := []Vec{{1, 0}, {0, 1}}
	for i := range vs {
		vs[i].Scale(3)
	}
	fmt.Println(vs)
	m := map[string]*Vec{"a": {1, 1}}
	m["a"].Scale(5)
	fmt.Println(*m["a"])
}
