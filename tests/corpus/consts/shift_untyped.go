// run

package main

import "fmt"

var s uint = 33

func f(x int64) int64 { return x }

func main() {
	var i = 1 << s
	var j int32 = 1 << s
	var k = uint64(1 << s)
	var m int = 1.0 << s
	var n = 1.0<<s == j
	var o = 1<<s == 2<<s
	var p = 1<<s == 1<<33
	var w int64 = 1.0 << 33
	b := make([]byte, 1.0<<(s-30))
	a := []int{1, 2, 3, 4, 5, 6, 7, 8, 9}
	var t uint = 2
	fmt.Println(i, j, k, m, n, o, p, w, len(b), a[1.0<<t], a[1<<t:])
	fmt.Println(f(1<<s), -(1 << s), 1<<s+1, ^(1 << t), 1<<(1.0<<t))
	var x any = 1 << s
	fmt.Printf("%T %v\n", x, x)
	fmt.Println(1<<s > 5, 1<<t == 4)
	for i := range 1 << t {
		fmt.Print(i)
	}
	fmt.Println()
	ch := make(chan uint8, 1)
	ch <- 1 << t
	fmt.Println(<-ch, map[int64]bool{1 << t: true})
}
