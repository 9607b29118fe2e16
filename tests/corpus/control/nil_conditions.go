// run

package main

import (
	"errors"
	"fmt"
)

type T struct{ n int }

func (t *T) Get() int {
	if t == nil {
		return -1
	}
	return t.n
}

func (t T) Val() int { return t.n * 10 }

func find(ts []*T, n int) *T {
	for _, t := range ts {
		if t != nil && t.n == n {
			return t
		}
	}
	return nil
}

func mk(n int) T { return T{n} }

func main() {
	var p *T
	var m map[string]int
	var c chan int
	var f func() int
	var s []int
	var e error
	var i interface{} = p
	if p == nil && m == nil && c == nil && f == nil && s == nil && e == nil {
		fmt.Println("all nil")
	}
	if i != nil {
		fmt.Println("interface holding a nil pointer is not nil", i == (*T)(nil))
	}
	m = map[string]int{}
	c = make(chan int, 1)
	f = func() int { return 7 }
	s = []int{}
	e = errors.New("x")
	if p != nil || m == nil || c == nil || f == nil || s == nil || e == nil {
		fmt.Println("wrong")
	} else {
		fmt.Println("all set", f(), len(s))
	}
	ts := []*T{nil, {1}, nil, {2}}
	fmt.Println(find(ts, 2).Get(), find(ts, 5).Get(), find(ts, 1) == ts[1])
	n := 0
	for q := find(ts, 1); q != nil; q = nil {
		n += q.Get()
	}
	x := (nil == p)
	fmt.Println(n, x, (p) == (nil))
	fmt.Println(mk(3).Val(), find(ts, 2).Val(), (&T{4}).Get())
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(find(ts, 9).Val())
}
