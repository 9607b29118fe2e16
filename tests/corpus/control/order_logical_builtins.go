// run

// Calls, receives, && / || and builtin calls are evaluated in lexical order; a multi-valued
// right-hand side comes after the operands on the left.
package main

import (
	"fmt"
	"strconv"
)

var trace string

func t(s string, v bool) bool { trace += s; return v }
func n(s string, v int) int    { trace += s; return v }

func key(s string) string { trace += s; return s }

func ptr(s string) *error {
	trace += s
	var e error
	return &e
}

func num(s string) string { trace += s; return "12" }

func main() {
	_ = n("a", 0) + n("b", 0)*map[bool]int{t("c", true) && t("d", false): n("e", 1)}[false] + n("f", 0)
	fmt.Println(trace)
	trace = ""
	_ = n("a", 1) + n("h", func(int, bool, int) int { return 0 }(n("i", 0), t("j", false) && t("x", true), n("k", 0)))
	fmt.Println(trace)

	x := make([]int, 0)
	f := func() int { x = make([]int, 2); return 2 }
	a, b, c := append(x, 1), f(), append(x, 1)
	fmt.Println(len(a), b, len(c))
	y := make([]int, 1)
	g := func() int { y = make([]int, 3); return 2 }
	p, q, r := cap(y), g(), cap(y)
	fmt.Println(p, q, r)

	trace = ""
	m := map[string]int{}
	m[key("k")], *ptr("p") = strconv.Atoi(num("n"))
	fmt.Println(m, trace)
}

type S struct{ a, b float64 }

func eq[T comparable](t T, i any) bool { return t == i }

func init() {
	fmt.Println(eq(S{3, 5}, S{3, 5}), eq(S{3, 5}, S{3, 6}), eq(1.5, 1.5))
}
