// run

package main

import (
	"fmt"
	"math"
	"math/bits"
)

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func isPrime(n int) bool {
	if n < 2 {
		return false
	}
	for i := 2; i*i <= n; i++ {
		if n%i == 0 {
			return false
		}
	}
	return true
}

func main() {
	fmt.Println(gcd(48, 18), gcd(17, 5), gcd(0, 9))
	var primes []int
	for i := 0; len(primes) < 15; i++ {
		if isPrime(i) {
			primes = append(primes, i)
		}
	}
	fmt.Println(primes)
	fmt.Println(7/2, -7/2, 7%2, -7%2, 7.0/2)
	fmt.Println(bits.OnesCount(255), bits.LeadingZeros64(1), bits.TrailingZeros(8), bits.Len(255))
	var sum uint64
	for i := uint64(1); i <= 100; i++ {
		sum += i * i
	}
	fmt.Println(sum)
	x := math.MaxInt64
	x++
	fmt.Println(x == math.MinInt64)
	fmt.Println(int(math.Sqrt(float64(1<<40))), int64(math.Pow10(18)))
}
