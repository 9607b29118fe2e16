// run GOMAXPROCS=1,2,4

package main

import "fmt"

const ringSize = 1000

func node(id int, in <-chan int, out chan<- int, done chan<- int) {
	for token := range in {
		if token == 0 {
			done <- id
			close(out)
			return
		}
		out <- token - 1
	}
	close(out)
}

func main() {
	first := make(chan int)
	in := first
	done := make(chan int)
	for i := 1; i <= ringSize; i++ {
		out := make(chan int)
		if i == ringSize {
			out = first
		}
		go node(i, in, out, done)
		in = out
	}
	// Around the ring 3 times and a bit: 3*1000+499 hops.
	first <- 3*ringSize + 499
	winner := <-done
	fmt.Println("token reached zero at node", winner)
	fmt.Println("ring of", ringSize, "goroutines")
}
