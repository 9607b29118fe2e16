// errorcheck

package main

import "fmt"

type T uint8

const g float64 = 2.5

func main() {
	var x T
	var f32 float32
	switch x {
	case 256, 1.5:
	}
	fmt.Println(x+256, x == 1.5, int(g), uint8(1.0/3*3+0.5), int8(200))
	fmt.Println(complex(f32, 1e100), complex(f32, 1.0), complex(1, "a"))
}
