// run GOMAXPROCS=1,2,4

package main

import "fmt"

// generate sends 2, 3, 4, ... to ch until done is closed.
func generate(ch chan<- int, done <-chan struct{}) {
	for i := 2; ; i++ {
		select {
		case ch <- i:
		case <-done:
			return
		}
	}
}

// filter copies the values from in to out, removing those divisible by prime.
func filter(in <-chan int, out chan<- int, prime int, done <-chan struct{}) {
	for {
		var i int
		select {
		case i = <-in:
		case <-done:
			return
		}
		if i%prime != 0 {
			select {
			case out <- i:
			case <-done:
				return
			}
		}
	}
}

func main() {
	done := make(chan struct{})
	ch := make(chan int)
	go generate(ch, done)
	var primes []int
	for i := 0; i < 100; i++ {
		prime := <-ch
		primes = append(primes, prime)
		ch1 := make(chan int)
		go filter(ch, ch1, prime, done)
		ch = ch1
	}
	close(done)
	for i := 0; i < len(primes); i += 10 {
		fmt.Println(primes[i : i+10])
	}
	fmt.Println("the 100th prime is", primes[99])
}
