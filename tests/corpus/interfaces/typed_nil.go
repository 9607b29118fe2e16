// run

package main

import (
	"errors"
	"fmt"
)

type MyErr struct{ msg string }

func (e *MyErr) Error() string {
	if e == nil {
		return "nil MyErr"
	}
	return e.msg
}

func mayFail(fail bool) error {
	var p *MyErr
	if fail {
		p = &MyErr{"failed"}
	}
	return p // typed nil when !fail
}

func correct(fail bool) error {
	if fail {
		return &MyErr{"failed"}
	}
	return nil
}

func main() {
	err := mayFail(false)
	fmt.Println(err == nil, err)
	fmt.Printf("%T %v\n", err, err)
	err = correct(false)
	fmt.Println(err == nil, err)
	err = mayFail(true)
	fmt.Println(err == nil, err)
	var p *MyErr
	var e error = p
	fmt.Println(p == nil, e == nil, e != nil)
	var e2 error
	fmt.Printf("%v %T\n", e2, e2)
	var any1 any = (*int)(nil)
	fmt.Println(any1 == nil, any1)
	var target *MyErr
	fmt.Println(errors.As(mayFail(true), &target), target.msg)
}
