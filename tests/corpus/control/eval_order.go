// run

// Go's order of evaluation in assignments: index operands on the left once and before the
// right-hand side, calls left to right, a computed callee before its arguments.
package main

import "fmt"

var trace []string

func t(s string, v int) int { trace = append(trace, s); return v }

func show(what string) {
	fmt.Println(what, trace)
	trace = trace[:0]
}

var m = map[int]int{}
var x = 1

func getm() map[int]int { trace = append(trace, "getm"); return m }
func g() int           { trace = append(trace, "g"); x = 100; return 1 }

func callee() func(int) { trace = append(trace, "callee"); return func(int) {} }

type P struct{ v int }

func newp() (*P, P) { return &P{1}, P{2} }

func main() {
	ch := make(chan int, 10)
	for i := 1; i <= 3; i++ {
		ch <- i
	}
	m[<-ch]++
	m[<-ch] += 5
	fmt.Println(m, len(ch))

	getm()[7]++
	getm()[7] *= 3
	show("getm")
	fmt.Println(m)

	x += g()
	fmt.Println(x)

	callee()(t("arg", 0))
	show("call")

	s := []int{0, 0, 0, 0}
	s[t("i", 1)] = t("v", 5)
	show("index")
	s[t("i1", 2)], s[t("i2", 3)] = t("v1", 6), t("v2", 7)
	show("tuple")
	fmt.Println(s)

	var i int
	mm := map[int]int{}
	i, mm[i] = 1, 2
	fmt.Println(i, mm)

	j := 0
	arr := [3]int{}
	j, arr[j] = 2, 9
	fmt.Println(j, arr)

	p := &P{0}
	p, p.v = &P{5}, 6
	fmt.Println(p.v)

	q := &P{0}
	old := q
	q, *q = newp()
	fmt.Println(q.v, old.v)

	a, b := 1, 2
	a, b = b, a
	fmt.Println(a, b)

	k := 0
	nums := []int{10, 20, 30}
	k, nums[k], nums[k+1] = 2, nums[k+2], nums[k]
	fmt.Println(k, nums)
}
