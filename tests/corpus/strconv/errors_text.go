// run

package main

import (
	"errors"
	"fmt"
	"strconv"
)

func main() {
	_, err := strconv.Atoi("x1")
	fmt.Println(err)
	fmt.Println(errors.Is(err, strconv.ErrSyntax), errors.Is(err, strconv.ErrRange))
	_, err = strconv.ParseInt("9223372036854775808", 10, 64)
	fmt.Println(err)
	fmt.Println(errors.Is(err, strconv.ErrRange))
	var ne *strconv.NumError
	if errors.As(err, &ne) {
		fmt.Printf("Func=%s Num=%q Err=%v\n", ne.Func, ne.Num, ne.Err)
	}
	_, err = strconv.ParseInt("12", 1, 64)
	fmt.Println(err)
	_, err = strconv.ParseBool("maybe")
	fmt.Println(err)
	_, err = strconv.ParseFloat("1.5.2", 64)
	fmt.Println(err)
	n, err := strconv.ParseInt("-9223372036854775809", 10, 64)
	fmt.Println(n, err)
}
