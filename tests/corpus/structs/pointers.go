// run

package main

import "fmt"

type Counter struct{ n int }

func incr(c *Counter) { c.n++ }

func incrValue(c Counter) { c.n++ }

func swap(a, b *int) { *a, *b = *b, *a }

func newInt(v int) *int { return &v }

func main() {
	c := Counter{}
	incr(&c)
	incr(&c)
	incrValue(c)
	fmt.Println(c.n)
	x, y := 1, 2
	swap(&x, &y)
	fmt.Println(x, y)
	p := newInt(5)
	q := newInt(5)
	fmt.Println(*p == *q, p == q, p == p)
	arr := []int{10, 20, 30}
	e := &arr[1]
	*e += 5
	fmt.Println(arr)
	arr = append(arr, 40, 50, 60)
	*e = 0
	fmt.Println(arr[1], *e)
	pp := &p
	**pp = 99
	fmt.Println(*p)
	var nilp *Counter
	fmt.Println(nilp == nil, nilp)
	type Tree struct {
		Left, Right *Tree
		Val         int
	}
	var insert func(t *Tree, v int) *Tree
	insert = func(t *Tree, v int) *Tree {
		if t == nil {
			return &Tree{Val: v}
		}
		if v < t.Val {
			t.Left = insert(t.Left, v)
		} else {
			t.Right = insert(t.Right, v)
		}
		return t
	}
	var root *Tree
	for _, v := range []int{5, 3, 8, 1, 4, 9} {
		root = insert(root, v)
	}
	var walk func(t *Tree)
	walk = func(t *Tree) {
		if t == nil {
			return
		}
		walk(t.Left)
		fmt.Print(t.Val, " ")
		walk(t.Right)
	}
	walk(root)
	fmt.Println()
}
