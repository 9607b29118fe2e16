// run GOMAXPROCS=1,2,4

package main

import (
	"errors"
	"fmt"
	"time"
)

var errTimeout = errors.New("timed out")

// call runs f in a goroutine and waits at most d for its result.
func call(f func() string, d time.Duration) (string, error) {
	ch := make(chan string, 1) // buffered: the goroutine never leaks blocked
	go func() { ch <- f() }()
	select {
	case r := <-ch:
		return r, nil
	case <-time.After(d):
		return "", errTimeout
	}
}

func slow(d time.Duration, s string) func() string {
	return func() string {
		time.Sleep(d)
		return s
	}
}

func main() {
	fmt.Println(call(slow(10*time.Millisecond, "fast"), 500*time.Millisecond))
	fmt.Println(call(slow(500*time.Millisecond, "slow"), 30*time.Millisecond))
	fmt.Println(call(func() string { return "instant" }, time.Second))

	// An overall deadline across a loop of receives.
	data := make(chan int)
	go func() {
		for i := 0; ; i++ {
			data <- i
			if i >= 3 {
				time.Sleep(time.Second) // stalls after four values
			}
		}
	}()
	deadline := time.After(200 * time.Millisecond)
	got := 0
loop:
	for {
		select {
		case <-data:
			got++
		case <-deadline:
			fmt.Println("deadline reached")
			break loop
		}
	}
	fmt.Println("received", got)
}
