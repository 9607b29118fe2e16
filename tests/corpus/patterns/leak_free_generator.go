// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"runtime"
	"time"
)

// fib generates Fibonacci numbers until done is closed.
func fib(done <-chan struct{}) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		a, b := 0, 1
		for {
			select {
			case out <- a:
				a, b = b, a+b
			case <-done:
				return
			}
		}
	}()
	return out
}

func waitGoroutines(n int) bool {
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() != n {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(time.Millisecond)
	}
	return true
}

func main() {
	for round := 0; round < 3; round++ {
		done := make(chan struct{})
		var got []int
		for _, c := range []<-chan int{fib(done), fib(done)} {
			for v := range c {
				got = append(got, v)
				if len(got)%10 == 0 {
					break
				}
			}
		}
		close(done) // both generators return
		fmt.Println(got[:10], got[10:])
		fmt.Println("round", round, "no leaked goroutines:", waitGoroutines(1))
	}
}
