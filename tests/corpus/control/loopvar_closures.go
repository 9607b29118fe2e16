// run

package main

import "fmt"

func main() {
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i * 10 })
	}
	for _, f := range fs {
		fmt.Println(f())
	}
	var ps []*int
	for i := range 3 {
		ps = append(ps, &i)
	}
	for _, p := range ps {
		fmt.Println(*p)
	}
	var gs []func() string
	for _, s := range []string{"a", "b", "c"} {
		gs = append(gs, func() string { return s })
	}
	for _, g := range gs {
		fmt.Print(g())
	}
	fmt.Println()
	// modifying the per-iteration copy inside the body affects the next iteration's start
	for i := 0; i < 6; i++ {
		fmt.Print(i, " ")
		i++
	}
	fmt.Println()
	shared := 0
	var hs []func()
	for j := 0; j < 3; j++ {
		hs = append(hs, func() { shared += j })
	}
	for _, h := range hs {
		h()
	}
	fmt.Println(shared)
}
