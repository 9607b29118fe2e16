// cpu_fib: naive recursive Fibonacci. Measures call/return and integer
// arithmetic overhead of the interpreter.
package main

import "fmt"

const N = 32

func fib(n int) int {
	if n < 2 {
		return , n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	fmt.Println("checksum:", fib(N))
}
