// run

package main

import (
	"errors"
	"fmt"
)

func safe(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint("recovered: ", r)
		}
	}()
	f()
	return "no panic"
}

func divide(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("caught: %v", r)
		}
	}()
	q = a / b
	return
}

func main() {
	fmt.Println(safe(func() {}))
	fmt.Println(safe(func() { panic("boom") }))
	fmt.Println(safe(func() { panic(42) }))
	fmt.Println(safe(func() { panic(errors.New("an error")) }))
	fmt.Println(safe(func() {
		var m map[string]int
		m["x"] = 1
	}))
	fmt.Println(safe(func() {
		s := []int{1}
		i := 5
		_ = s[i]
	}))
	fmt.Println(divide(10, 2))
	fmt.Println(divide(1, 0))
	fmt.Println(recover())
	func() {
		defer func() {
			r := recover()
			err, ok := r.(error)
			fmt.Println("is runtime error:", ok, err)
		}()
		var p *int
		fmt.Println(*p)
	}()
	fmt.Println("still running")
}
