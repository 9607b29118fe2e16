// run GOMAXPROCS=1

package main

import (
	"errors"
	"fmt"
	"time"
)

type parseError struct {
	line int
	err  error
}

func (e *parseError) Error() string { return fmt.Sprintf("line %d: %v", e.line, e.err) }

func main() {
	go func() {
		go func() {
			defer fmt.Println("deferred call of the panicking goroutine runs")
			panic(&parseError{3, errors.New("unexpected token")})
		}()
		select {}
	}()
	time.Sleep(time.Second)
	fmt.Println("not reached")
}
