// Package main exercises every syntactic form.
package main

import "fmt"
import (
	"strings"
	f2 "fmt"
	_ "sync"
	. "math"
)

const A = 1
const (
	B0 = iota * 10
	B1
	B2, B3 = iota, iota + 1
	B4, B5
	C  int     = 7
	D  float64 = 1.5e3
)

var v1 int
var v2, v3 = 1, "two"
var (
	v4 []int
	v5 = map[string]int{"a": 1}
	v6 [3]int
	v7 = [...]int{1, 2}
)

type (
	Point struct {
		X, Y int `json:"x"`
		name string `n`
	}
	Alias = Point
	Embed struct {
		Point
		*strings.Builder
		fmt.Stringer
		tag int "raw tag"
	}
	Num interface {
		~int | ~int64 | float64
	}
	Shape interface {
		Area() float64
		Perim(scale float64) (p float64, err error)
		fmt.Stringer
	}
	Fn      func(int, ...string) (bool, error)
	Ch1     chan int
	Ch2     <-chan int
	Ch3     chan<- int
	Ch4     chan (<-chan int)
	Ch5     chan<- chan int
	Arr     [4][2]float64
	M       map[string][]*Point
	List[T any] struct {
		items []T
		next  *List[T]
	}
	Pair[K comparable, V any] struct {
		Key K
		Val V
	}
	Set[T comparable] map[T]struct{}
	Cons[T ~int | ~string] []T
	Arr2 [A * 2]int
	Arr3 [A]int
)

func (p Point) String() string { return fmt.Sprint(p.X, p.Y) }
func (p *Point) Move(dx, dy int) { p.X += dx; p.Y += dy }
func (l *List[T]) Push(v T) { l.items = append(l.items, v) }
func (Pair[K, V]) Zero() {}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Sum[T Num](xs ...T) (s T) {
	for i := range xs {
		s += xs[i]
	}
	return
}

func multi() (int, string, error) { return 1, "a", nil }
func named(a, b int, c string, d ...int) (x, y int) { return a, b }
func unnamed(int, string, []int, *Point, map[string]int, func(), chan int) {}
func arrParam(a [3]int, b []int, c [2][2]int, p Pair[int, string], q List[int]) {}
func variadic(fmt string, args ...interface{}) {}

func stmts() {
	x := 1
	var y int = 2
	const z = 3
	type local struct{ a int }
	x, y = y, x
	x += 1
	x -= 1
	x *= 2
	x /= 2
	x %= 3
	x &= 1
	x |= 2
	x ^= 3
	x <<= 1
	x >>= 1
	x &^= 1
	x++
	y--
	_ = z
	p := Point{1, 2, ""}
	q := &Point{X: 1, Y: 2}
	pp := []Point{{1, 2, ""}, {X: 3}}
	mm := map[Point]string{{1, 2, ""}: "a", Point{3, 4, ""}: "b"}
	nested := [][]int{{1}, {2, 3}, {}}
	arr := [...]string{2: "c", 0: "a"}
	_, _, _, _, _, _ = q, pp, mm, nested, arr, local{}
	if p = (Point{1, 2, ""}) {
	}
	if v := f1(Point{1, 2, ""}); v > 0 {
	} else if v < 0 {
	} else {
	}
	for i := range []int{1, 2} {
		_ = i
	}
	for i := 0; i < 10; i++ {
		if i == 5 {
			continue
		}
		if i == 8 {
			break
		}
	}
	for x < 100 {
		x *= 2
	}
	for {
		break
	}
	for range 10 {
	}
	for i := range 10 {
		_ = i
	}
	var k, v2 int
	for k, v2 = range []int{1} {
	}
	_, _ = k, v2
	for ; ; x++ {
		break
	}
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 1 {
				continue outer
			}
			if i == 2 {
				break outer
			}
		}
	}
	switch x {
	case 1, 2:
		fallthrough
	case 3:
	default:
	}
	switch {
	case x > 1:
	}
	switch y := x; y {
	}
	switch x := interface{}(x).(type) {
	case int, string:
		_ = x
	case nil:
	case []int, map[string]int, func(), *Point, chan int:
	default:
	}
	var i interface{} = 1
	switch i.(type) {
	}
	switch t := i.(type) {
	case interface{ String() string }:
		_ = t
	}
	ch := make(chan int, 1)
	done := make(chan struct{})
	ch <- 1
	select {
	case v := <-ch:
		_ = v
	case v, ok := <-ch:
		_, _ = v, ok
	case ch <- 2:
	case <-done:
	default:
	}
	go func() { done <- struct{}{} }()
	defer func() {
		if r := recover(); r != nil {
		}
	}()
	goto end
end:
	s := "abc"[1:]
	s2 := s[:1]
	s3 := s[0:1]
	sl := []int{1, 2, 3}
	sl2 := sl[0:1:2]
	sl3 := sl[:1:2]
	_, _, _, _, _ = s2, s3, sl2, sl3, s
	b := []byte("hi")
	r := []rune(s)
	pt := (*Point)(q)
	fn := func() {}
	fs := []func(){fn, func() {}}
	_, _, _, _, _ = b, r, pt, fn, fs
	var ip *int = new(int)
	*ip = 5
	_ = *ip + -x + +x ^ ^x
	_ = !true && false || x < 1 && x <= 1 || x > 1 || x >= 1 || x == 1 || x != 1
	_ = x<<1 | x>>1&^x%2*3/1&4 - 5 + 6
	_ = Map[int, string]
	_ = Map[int, string](sl, func(i int) string { return "" })
	_ = Sum(1, 2, 3)
	_ = Sum[int](sl...)
	var _ = interface{}(x)
	_ = struct{}{}
	_ = map[string]int{}
	_ = make(map[string][]int)
	_ = make(<-chan int)
	_ = (<-chan int)(ch)
	_ = (func())(fn)
	_ = new(func())
	_ = new(*Point)
	_ = len([5]int{})
	var ee Embed
	_ = ee.Point.X
	_ = f2.Sprint(Pi)
	var pr Pair[string, int]
	_ = pr
	_ = List[int]{}
	_ = Pair[string, int]{"a", 1}
	_ = 'a' + '\n' + '\x41' + '\u00e9' + '\U0001F600' + '\101'
	_ = 0x1F + 0o17 + 017 + 0b101 + 1_000
	_ = 1.5 + .5 + 1e3 + 0x1p-2
	_ = 2i + 1.5i
	_ = `raw
string`
	{
		x := 1
		_ = x
	}
	;
	var fnv Fn
	_ = fnv
	return
}

func f1(p Point) int { return p.X }

func main() {
	stmts()
	fmt.Println("ok")
}
