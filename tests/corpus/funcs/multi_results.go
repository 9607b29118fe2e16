// run

package main

import (
	"errors"
	"fmt"
)

func divmod(a, b int) (int, int) { return a / b, a % b }

func split(sum int) (x, y int) {
	x = sum * 4 / 9
	y = sum - x
	return
}

func safeDiv(a, b int) (q int, err error) {
	if b == 0 {
		err = errors.New("division by zero")
		return
	}
	return a / b, nil
}

func swap(a, b string) (string, string) { return b, a }

func pass() (int, int) { return divmod(17, 5) }

func sum3(a, b, c int) int { return a + b + c }

func three() (int, int, int) { return 1, 2, 3 }

func main() {
	q, r := divmod(17, 5)
	fmt.Println(q, r)
	fmt.Println(split(17))
	if _, err := safeDiv(1, 0); err != nil {
		fmt.Println("error:", err)
	}
	v, err := safeDiv(10, 3)
	fmt.Println(v, err)
	a, b := swap("x", "y")
	fmt.Println(a, b)
	fmt.Println(pass())
	fmt.Println(sum3(three()))
	_, second := divmod(9, 4)
	fmt.Println(second)
	x, y := 1, 2
	x, y = y, x
	fmt.Println(x, y)
	arr := []int{1, 2, 3}
	i := 0
	i, arr[i] = 1, 9
	fmt.Println(i, arr)
}
