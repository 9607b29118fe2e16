// run

// gc evaluates the call arguments that contain calls first, then the others: f(x, g())
// passes the x that g left.
package main

import "fmt"

var x = 1

func f() int { x = 5; return 2 }

type S struct{ a int }

func g(s *S) int { s.a = 9; return 0 }

func main() {
	fmt.Println(x, f())
	y := 1
	h := func() int { y = 7; return 0 }
	fmt.Println(y, h(), y+1, h())
	s := &S{1}
	fmt.Println(s.a, *s, g(s))
	arr := []int{1, 2}
	k := func() int { arr[0] = 100; return 0 }
	fmt.Println(arr[0], k(), len(arr))
	z := x + f()
	fmt.Println(z)
}
