// run

package main

import "fmt"

// Untyped integer constants are exact up to 512 bits: intermediate values far beyond
// int64/uint64 are fine as long as the final value fits its type.
const (
	big    = 1 << 200
	bigger = big * big / big
	back   = big >> 190
	mask   = 1<<64 - 1
	neg    = -1 << 100
	prod   = 123456789123456789 * 987654321987654321
	q      = prod / 987654321987654321
	r      = prod % 1000000007
	max511 = 1<<511 - 1 + 1<<511
)

func main() {
	fmt.Println(back, bigger == big, big/(1<<190))
	fmt.Println(uint64(mask), mask>>32, uint64(mask&^0xFFFF))
	fmt.Println(neg>>98, neg/(1<<98), neg%7)
	fmt.Println(q, r)
	fmt.Println(max511>>500, max511%1000)
	fmt.Println(^0, ^uint8(1), ^uint16(0), ^int64(-1))
	fmt.Println(-5>>1, -1>>100, 5>>1, (1<<100)>>100)
	fmt.Println(big^(big+1), (big|7)&15, (big-1)&^(big>>1)>>197)
	fmt.Println(float64(big), float32(1<<100))
	const x = (1<<62 + 1<<61) * 2 / 3
	fmt.Printf("%T %v\n", x, x)
	var u uint64 = 1<<64 - 1
	fmt.Println(u, u>>63)
	var i8 int8 = -1 << 7
	fmt.Println(i8)
	const huge = 1e30
	fmt.Println(huge/1e20, int64(huge/1e15))
}
