// errorcheck

package main

import "fmt"

const third = 1.0 / 3
const g float64 = 2.5

func main() {
	var a int = third
	var b int = 1e100
	c := 1 << 2.5
	var r rune = 'a' * 1e10
	var arr [4]int
	fmt.Println(a, b, c, r, arr[1.5], int(g), int(1e100), uint8(third*3+0.5))
}
