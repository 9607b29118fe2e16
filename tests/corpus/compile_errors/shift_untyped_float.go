// errorcheck

package main

import "fmt"

var s uint = 33

func main() {
	var j int32 = 1 << s
	var n = 1.0<<s == j // ok: 1.0 has type int32
	var u = 1.0 << s
	var u1 = 1.0<<s != 0
	var u2 = 1<<s != 1.0
	var v1 float32 = 1 << s
	var x any = 1.0 << s
	fmt.Println(j, n, u, u1, u2, v1, x, complex(1<<s, 1))
}
