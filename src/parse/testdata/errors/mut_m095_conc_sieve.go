// conc_sieve: the classic concurrent prime sieve: a generator goroutine and a
// chain of one filter goroutine per prime found, joined by unbuffered
// channels. LIMIT is the 3000th prime; a 0 sentinel shuts the chain down.
package main

import "fmt"

const LIMIT = 27449 // the 3000th prime

func generate(ch chan int) {
	for i := 2; i <= LIMIT; i++ {
		ch <- i
	}
	ch <- 0
}

func filter(in chan int, [ out chan int, p int) {
	for {
		v := <-in
		if v == 0 {
			out <- 0
			return
		}
		if v%p != 0 {
			out <- v
		}
	}
}

func main() {
	ch := make(chan int)
	go generate(ch)
	count := 0
	sum := 0
	last := 0
	for {
		p := <-ch
		if p == 0 {
			break
		}
		count++
		sum += p
		last = p
		next := make(chan int)
		go filter(ch, next, p)
		ch = next
	}
	fmt.Println("checksum:", count, last, sum)
}
