// run

package main

import "fmt"

type Größe struct {
	wert int
}

func (g Größe) doppelt() int { return g.wert * 2 }

func main() {
	π := 3.14159
	日本 := "Japan"
	αβγ := []int{1, 2, 3}
	_x9 := 9
	var ünïcödé = Größe{wert: 21}
	fmt.Println(π, 日本, αβγ, _x9, ünïcödé.doppelt())
	/* block comment with unicode: ✓ */
	fmt.Println(len(日本), len("日本"))
}
