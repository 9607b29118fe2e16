// run

// T.M of a type parameter T: the method expression of the type argument's method (pointer,
// value, value through a pointer, promoted through embedding, an interface type argument).
package main

import "fmt"

type S1 struct{ n int }

func (s *S1) M(k int) string { return fmt.Sprint("S1 ", s.n+k) }

type S2 struct{ n int }

func (s S2) M(k int) string { return fmt.Sprint("S2 ", s.n+k) }

type I interface{ M(int) string }

func Call[T interface{ M(int) string }](t T) string {
	f := T.M
	return f(t, 1) + " " + T.M(t, 2)
}

type S3 struct{ S2 }

func main() {
	fmt.Println(Call(&S1{10}))
	fmt.Println(Call(S2{20}))
	fmt.Println(Call(&S2{30}))
	fmt.Println(Call[I](S2{40}))
	fmt.Println(Call(S3{S2{50}}))
	fmt.Println(Call(&S3{S2{60}}))
}
