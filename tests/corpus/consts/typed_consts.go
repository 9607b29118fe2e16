// run

package main

import (
	"fmt"
	"math"
)

type Duration int64

const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
)

const maxU8 = math.MaxUint8
const name, version = "minigo", 1

func main() {
	fmt.Println(Second, Millisecond*3)
	fmt.Printf("%T %v\n", Second, Second/Millisecond)
	fmt.Println(maxU8, math.MaxInt8, math.MinInt8, math.MaxInt16, math.MaxInt32, math.MaxInt64)
	fmt.Println(uint64(math.MaxUint64), math.MaxUint32)
	fmt.Println(name, version)
	const c = len("héllo")
	var arr [c]int
	fmt.Println(c, len(arr))
	const typed int32 = 1 << 20
	fmt.Printf("%T %d\n", typed, typed)
}
