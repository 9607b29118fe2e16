// run

package main

import (
	"errors"
	"fmt"
)

type ValidationError struct {
	Field string
	Value int
}

func (e *ValidationError) Error() string {
	return fmt.Sprintf("invalid %s: %d", e.Field, e.Value)
}

type TimeoutError struct{ Op string }

func (e TimeoutError) Error() string { return e.Op + " timed out" }
func (e TimeoutError) Timeout() bool { return true }

func validate(age int) error {
	if age < 0 {
		return &ValidationError{"age", age}
	}
	return nil
}

func main() {
	err := fmt.Errorf("request failed: %w", validate(-5))
	fmt.Println(err)
	var ve *ValidationError
	if errors.As(err, &ve) {
		fmt.Println("field:", ve.Field, "value:", ve.Value)
	}
	var te TimeoutError
	fmt.Println(errors.As(err, &te))
	err2 := fmt.Errorf("ctx: %w", TimeoutError{"read"})
	if errors.As(err2, &te) {
		fmt.Println("timeout op:", te.Op)
	}
	var iface interface{ Timeout() bool }
	if errors.As(err2, &iface) {
		fmt.Println("has Timeout():", iface.Timeout())
	}
	fmt.Println(validate(10) == nil)
	fmt.Printf("%v|%s|%+v\n", err2, err2, validate(-1))
}
