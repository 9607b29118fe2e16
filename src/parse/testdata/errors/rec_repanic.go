// run

package main

import "fmt"

 main() {
	defer func() {
		r := recover()
		fmt.("recovered:", r)
		panic(r)
	}()
	panic("first")
}
