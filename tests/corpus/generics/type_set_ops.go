// run

// Generic code using what every type in a type set allows: indexing []T | [N]T and
// string | []byte, unions of constraint interfaces, append(b, s...) with a string-or-bytes
// parameter, assignments between a type parameter and an unnamed type, inference through a
// core type, ++ on a complex type parameter, elided &T{} of a named pointer type, and type
// assertions to a type parameter.
package main

import "fmt"

type Ints interface{ []int | [5]int }

func second[T Ints](x T) int { return x[1] }

func at[T []byte | string](x T, i int) byte { return x[i] }

type Ordered interface{ ~int | ~float64 }
type Complex interface{ ~complex64 | ~complex128 }
type Number interface{ Ordered | Complex }

func diff[T Number](a, b T) T { return a - b }

func add[S ~string | ~[]byte](buf *[]byte, s S) { *buf = append(*buf, s...) }

type Bytes interface{ []byte }

func size[T Bytes](t T) int { return length(t) }
func length(b []byte) int  { return len(b) }

type Fn[T any] interface{ ~func() T }

func self[T Fn[T]]() T {
	var t T
	t = func() T { return t }
	return t
}

type Rec[T any] interface {
	~struct{ V T }
	Get() T
}

type box struct{ V string }

func (b box) Get() string { return b.V }

func get[T any, R Rec[T]](r R) T { return r.Get() }

func inc[T Number](x T) T {
	x++
	return x
}

type S struct{ f int }
type PS *S

func mk() []PS { return []PS{{f: 1}, {f: 2}} }

func as[T any](x any) (T, bool) {
	t, ok := x.(T)
	return t, ok
}

type Fooer interface{ foo() int }
type myint int

func (m myint) foo() int { return int(m) }

func as2[T Fooer](x Fooer) (T, bool) {
	t, ok := x.(T)
	return t, ok
}

func main() {
	fmt.Println(second([]int{1, 2, 3}), second([5]int{5, 6}))
	fmt.Println(at("hey", 1), at([]byte("hey"), 2))
	fmt.Println(diff(5, 3), diff(1.5, 0.25), diff(complex(1, 2), complex(0, 1)))
	var buf []byte
	add(&buf, "foo")
	add(&buf, []byte("bar"))
	fmt.Println(string(buf))
	fmt.Println(size([]byte("four")))
	type F func() F
	fmt.Println(self[F]() != nil)
	fmt.Println(get(box{"boxed"}))
	fmt.Println(inc(1), inc(1.5), inc(complex64(2+1i)), inc(complex(3, 3)))
	for _, p := range mk() {
		fmt.Print(p.f, " ")
	}
	fmt.Println()
	fmt.Println(as[int](3))
	fmt.Println(as[string](3))
	fmt.Println(as2[myint](myint(4)))
}
