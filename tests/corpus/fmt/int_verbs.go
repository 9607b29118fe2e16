// run

package main

import "fmt"

func main() {
	n := 255
	fmt.Printf("%d|%b|%o|%O|%x|%X|%#x|%#X|%#o|%#b\n", n, n, n, n, n, n, n, n, n, n)
	fmt.Printf("%c|%q|%U|%#U\n", 65, 'é', 0x1F600, '世')
	fmt.Printf("%5d|%-5d|%05d|%+d|% d|%+d\n", 42, 42, 42, 42, 42, -42)
	fmt.Printf("%x|%X|%d|%o\n", -255, -255, -7, -8)
	fmt.Printf("%8b|%-8x|%08X\n", 5, 0xab, 0xab)
	fmt.Printf("%d %d %d %d\n", int8(-128), uint8(200), int64(-1<<63), uint64(1<<64-1))
	fmt.Printf("%.3d|%6.3d|%-6.3d|\n", 7, 7, 7)
	fmt.Printf("%v %v\n", uintptr(10), rune(66))
	fmt.Printf("%3c|%-3c|\n", 'x', 'y')
	fmt.Printf("%x %X\n", []byte{1, 171, 255}, "hello")
	fmt.Printf("%t %v\n", true, false)
	fmt.Printf("%d%%\n", 50)
	fmt.Printf("%*d|%-*d|\n", 6, 1, 4, 2)
}
