// run

package main

import (
	"fmt"
	"runtime"
)

func main() {
	defer func() {
		r := recover()
		re, ok := r.(runtime.Error)
		fmt.Println(ok, re.Error())
		var err error = re
		fmt.Println(err)
	}()
	var a []int
	idx := 3
	a[idx] = 1
}
