// run

package main

import (
	"fmt"
	"io"
)

type T struct{}

func main() {
	defer func() {
		fmt.Println("recovered:", recover())
		var e error
		_ = e.(fmt.Stringer)
	}()
	var x any = T{}
	_ = x.(io.Reader)
}
