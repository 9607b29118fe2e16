// run

package main

import "fmt"

type node struct {
	v    int
	next *node
}

type box struct{ n int }

func main() {
	// continue and break in a loop whose condition is tested at the bottom
	s := 0
	for i := 0; i < 20; i++ {
		if i%3 == 0 {
			continue
		}
		if i > 15 {
			break
		}
		s += i
	}
	fmt.Println("sum", s)

	// the condition's operands change inside the body
	xs := []int{1}
	for i := 0; i < len(xs); i++ {
		if len(xs) < 6 {
			xs = append(xs, xs[i]*2)
		}
	}
	fmt.Println(xs)

	// condition only, and a zero-trip loop
	n := 10
	for n > 3 {
		n -= 2
	}
	for j := 5; j < 5; j++ {
		fmt.Println("never")
	}
	fmt.Println("n", n)

	// per-iteration loop variables captured by closures
	var fs []func() int
	for i := 0; i < 4; i++ {
		fs = append(fs, func() int { return i * i })
		i += 0
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	// labeled continue and break across nested loops
	count := 0
outer:
	for i := 0; i < 5; i++ {
		for j := 0; j <= i; j++ {
			if j == 2 {
				continue outer
			}
			if i == 4 {
				break outer
			}
			count++
		}
	}
	fmt.Println("count", count)

	// pointer and field conditions
	var head *node
	for i := 0; i < 4; i++ {
		head = &node{i, head}
	}
	for p := head; p != nil; p = p.next {
		fmt.Print(p.v)
	}
	fmt.Println()
	b := box{0}
	for b.n < 7 {
		b.n += 3
	}
	fmt.Println("box", b.n)

	// unsigned, negative and equality conditions
	var u uint8 = 250
	steps := 0
	for u != 4 {
		u++
		steps++
	}
	fmt.Println("u", u, steps)
	k := 0
	for i := -5; i <= -1; i++ {
		k += i
	}
	fmt.Println("k", k)

	// goto into the increment path
	i := 0
loop:
	if i < 3 {
		i++
		goto loop
	}
	fmt.Println("i", i)

	// a loop condition whose operand is a function call with side effects
	calls := 0
	limit := func() int { calls++; return 3 }
	for q := 0; q < limit(); q++ {
	}
	fmt.Println("calls", calls)
}
