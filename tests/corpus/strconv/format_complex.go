// run

package main

import (
	"fmt"
	"strconv"
)

func main() {
	c := complex(1.0/3, -2)
	fmt.Println(strconv.FormatComplex(c, 'g', -1, 128), strconv.FormatComplex(c, 'f', 2, 64), strconv.FormatComplex(c, 'e', 3, 128))
}
