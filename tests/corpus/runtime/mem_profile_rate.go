// run

// runtime.MemProfileRate is a variable the program may read and assign (0 in a program that
// never reads a memory profile).
package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Println(runtime.MemProfileRate)
	runtime.MemProfileRate = 4096
	runtime.MemProfileRate *= 2
	fmt.Println(runtime.MemProfileRate)
}
