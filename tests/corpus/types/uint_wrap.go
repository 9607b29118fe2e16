// run

package main

import "fmt"

func main() {
	var a uint8 = 255
	a++
	fmt.Println(a)
	a--
	fmt.Println(a)
	var b uint16 = 0
	b--
	fmt.Println(b)
	var c uint32 = 4294967295
	c += 10
	fmt.Println(c)
	var d uint64 = 0
	d--
	fmt.Println(d)
	var e uint = 1
	e -= 2
	fmt.Println(e)
	var p uintptr = 0
	p--
	fmt.Println(p)
	var f byte = 200
	fmt.Println(f+f, f*2, f/3, f%7, ^f, f&^0x0f)
	g := uint32(1)
	fmt.Println(-g, ^g)
	x := -1
	fmt.Println(uint8(x), uint16(x), uint32(x), uint64(x))
	var r rune = 0x10FFFF
	fmt.Println(r+1, int32(r)*4096)
}
