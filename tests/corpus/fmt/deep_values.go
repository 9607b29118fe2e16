// run

// Printing values nested thousands of levels deep (Go grows its stack; minigo prints them on a
// larger native stack segment).
package main

import "fmt"

type N struct {
	V    int
	Next *N
}

type T struct{ Sub []T }

func main() {
	var x any = 1
	for i := 0; i < 300; i++ {
		x = []any{x}
	}
	s := fmt.Sprint(x)
	fmt.Println(len(s))
	var t T
	cur := &t
	for i := 0; i < 2000; i++ {
		cur.Sub = []T{{}}
		cur = &cur.Sub[0]
	}
	s = fmt.Sprintf("%v", t)
	fmt.Println(len(s), s[:20])
	var m any = "leaf"
	for i := 0; i < 1000; i++ {
		m = map[string]any{"k": m}
	}
	s = fmt.Sprint(m)
	fmt.Println(len(s), s[len(s)-20:])
	var y any = 1
	for i := 0; i < 5000; i++ {
		y = []any{y}
	}
	fmt.Println(len(fmt.Sprint(y)))
}
