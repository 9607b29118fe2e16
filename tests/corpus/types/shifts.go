// run

package main

import "fmt"

func main() {
	x := 1
	for _, s := range []uint{0, 1, 7, 8, 31, 32, 63, 64, 100} {
		fmt.Println(s, x<<s, int8(1)<<s, uint8(1)<<s, int32(-1)<<s, uint64(1)<<s)
	}
	n := -16
	fmt.Println(n>>1, n>>2, n>>10, n>>64, uint8(0x80)>>7, int8(-128)>>7)
	var u uint32 = 0xF0000000
	fmt.Println(u>>4, u<<1, u>>31)
	var s int = 3
	fmt.Println(1<<s, int64(1)<<s)
	fmt.Println(0xff&0x0f, 0xf0|0x0f, 0xff^0x0f, 0xff&^0x0f)
	var k int64 = 5
	fmt.Println(k<<uint(62), k>>1)
}
