// run

package main

import (
	"errors"
	"fmt"
)

func main() {
	defer fmt.Println("deferred print runs before the crash")
	panic(errors.New("something went wrong"))
}
