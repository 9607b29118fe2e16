// run

// Fields selected through a named pointer type, and recursive types through pointers where one
// named type is declared as another (type T2 T1).
package main

import "fmt"

type node struct {
	val  int
	next *node
}

type link *node

type T1 struct {
	Next *T2
	V    int
}

type T2 T1

type A struct{ B *B }
type B C
type C D
type D struct {
	A *A
	N string
}

func main() {
	var l link = &node{val: 1, next: &node{val: 2}}
	fmt.Println(l.val, l.next.val)
	l.val = 10
	fmt.Println((*l).val)

	t := T1{Next: &T2{V: 2}, V: 1}
	fmt.Println(t.V, t.Next.V, t.Next.Next == nil)

	a := A{B: &B{N: "b"}}
	a.B.A = &a
	fmt.Println(a.B.N, a.B.A.B.N)
}
