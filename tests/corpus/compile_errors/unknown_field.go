// errorcheck

package main

type Point struct{ X, Y int }

func main() {
	p := Point{X: 1, Z: 2}
	p.W = 3
}
