// errorcheck

package main

import "fmt"

const x int8 = 100
const y uint64 = 1 << 63
const z float32 = 3.4e38

type Small uint8

const s Small = 200

func main() {
	fmt.Println(x*2, y+y, z*10, -x-x, ^s+s)
	fmt.Println(s+100, x<<1, uint8(255)+1, float32(z*-10))
}
