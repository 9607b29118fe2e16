// run

// Stepping a program counter forward from a call site eventually leaves the function:
// FuncForPC then names another function or none (its Name is "" for a nil *Func).
package main

import (
	"fmt"
	"runtime"
)

func main() {
	pc, _, _, _ := runtime.Caller(0)
	fmt.Println(runtime.FuncForPC(pc).Name())
	left := false
	for i := uintptr(0); i < 1<<20; i++ {
		if runtime.FuncForPC(pc+i).Name() != "main.main" {
			left = true
			break
		}
	}
	fmt.Println("left main.main:", left)
	var none *runtime.Func
	fmt.Printf("%q\n", none.Name())
}
