// errorcheck

package main

import "fmt"

// A typed constant whose declaration fails keeps its type with an unknown value: its uses
// report only their own errors.
const a int32 = 1e10
const b uint8 = -1
const c int8 = f()

func f() int8 { return 1 }

func main() {
	const d = a * 1.5
	const e = b - 1
	var x [4]int
	fmt.Println(d, e, x[b], a<<2, a/0, -c, c+"s")
	switch int32(0) {
	case a, a:
	}
}
