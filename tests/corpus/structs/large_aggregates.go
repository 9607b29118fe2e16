// run

// Arrays and structs beyond 16-bit sizes: lengths, element offsets and field offsets are
// exact; a dynamic-programming table of a million cells.
package main

import "fmt"

type T struct {
	a [40000]int
	b [40000]int
	s string
}

type Row [70000]byte

var h [100000]int

func lcs(x, y string) int {
	var dp [1001][1001]int
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			if x[i-1] == y[j-1] {
				dp[i][j] = dp[i-1][j-1] + 1
			} else if dp[i-1][j] > dp[i][j-1] {
				dp[i][j] = dp[i-1][j]
			} else {
				dp[i][j] = dp[i][j-1]
			}
		}
	}
	return dp[len(x)][len(y)]
}

func main() {
	var a [65537]int
	a[65536] = 7
	fmt.Println(len(a[:]), len(a), cap(a[1:]), a[65536])
	for i := 0; i < 300000; i++ {
		h[i%100000] += i
	}
	fmt.Println(h[34464], h[99999], len(h))
	var t T
	t.b[30000] = 5
	t.s = "end"
	p := &t.b[39999]
	*p = 9
	fmt.Println(t.b[30000], t.a[30000], t.b[39999], t.s)
	rows := make([]Row, 2)
	rows[1][69999] = 'z'
	rows = append(rows, Row{})
	fmt.Println(len(rows), rows[1][69999], rows[2][69999])
	x, y := "", ""
	for i := 0; i < 1000; i++ {
		x += string(rune('a' + i*7%26))
		y += string(rune('a' + i*11%26))
	}
	fmt.Println(lcs(x, y))
}
