// CPU work with many calls split over 2 goroutines: does the VM share state across Ps?
package main

import "fmt"

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	done := make(chan int, 2)
	for g := 0; g < 2; g++ {
		go func() {
			done <- fib(32)
		}()
	}
	fmt.Println("checksum:", <-done+<-done)
}
