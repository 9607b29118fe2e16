// run

// Arrays and structs in every storage class: package-level, captured, address-taken,
// nested, register locals. Addresses of their parts alias them.
package main

import "fmt"

type Point struct{ X, Y int }

type Grid struct {
	name  string
	cells [3][4]int
	pts   [2]Point
}

var ga [5]int
var gs Grid
var gpts [3]Point

func bump(p *int) { *p += 10 }

func main() {
	ga[2] = 7
	p := &ga[2]
	*p += 1
	bump(&ga[4])
	sl := ga[1:4]
	sl[0] = 3
	fmt.Println(ga, len(sl), cap(sl))
	pa := &ga
	pa[0] = -1
	fmt.Println(ga[0], len(pa), cap(pa))

	gs.name = "g"
	gs.cells[1][2] = 5
	gs.cells[2][3]++
	gs.pts[1].Y = 9
	q := &gs.pts[0]
	q.X = 4
	row := &gs.cells[0]
	row[1] = 8
	fmt.Println(gs)
	gpts[1] = Point{1, 2}
	gpts[2].X += 3
	fmt.Println(gpts)

	var local [3][3]int
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			local[i][j] = i*3 + j
		}
	}
	local[1][1] *= 10
	fmt.Println(local, local[2][1])

	var lg Grid
	lg.cells[0][0] = 1
	lg.pts[1].X = 2
	f := func() { lg.cells[2][2] = 3; lg.pts[0].Y = 4 }
	f()
	fmt.Println(lg)

	copyOf := gs
	copyOf.cells[1][2] = 0
	fmt.Println(gs.cells[1][2], copyOf.cells[1][2])

	// A dynamic-programming table: every store and load costs one element.
	const n = 150
	var dp [n + 1][n + 1]int
	for i := 1; i <= n; i++ {
		for j := 1; j <= n; j++ {
			if (i*7+j*3)%5 == 0 {
				dp[i][j] = dp[i-1][j-1] + 1
			} else if dp[i-1][j] > dp[i][j-1] {
				dp[i][j] = dp[i-1][j]
			} else {
				dp[i][j] = dp[i][j-1]
			}
		}
	}
	fmt.Println(dp[n][n])
}
