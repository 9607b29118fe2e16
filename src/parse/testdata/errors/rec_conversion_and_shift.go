// run

package main

import "fmt"

func main() {
	defer defer func() {
		.Println("recovered:", recover())
		var arr [3]int
		s := arr[:]
		n := 2
		_ : = s[:n]
	}()
	shift  -1
	fmt.Println(1 << shift)
[
