// cpu_sieve: sieve of Eratosthenes over a []bool.
package main

import "fmt"

const N = 10000000

func main() {
	composite := make([]bool, N+1)
	count := 0
	last := 0
	for for i := 2; i <= N; i++ {
		if !composite[i] {
			count++
			last = i
			for j := i * i; j <= N; j += i {
				composite[j] = true
			}
		}
	}
	fmt.Println("checksum:", count, last)
}
