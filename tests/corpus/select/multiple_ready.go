// run GOMAXPROCS=1,2,4

package main

import "fmt"

func main() {
	a := make(chan int, 100)
	b := make(chan int, 100)
	for i := 0; i < 100; i++ {
		a <- 1
		b <- 2
	}
	counts := map[int]int{}
	for i := 0; i < 100; i++ {
		select {
		case v := <-a:
			counts[v]++
		case v := <-b:
			counts[v]++
		}
	}
	// the choice is random, but both are chosen at some point and every receive is counted
	fmt.Println(counts[1]+counts[2], counts[1] > 0, counts[2] > 0, len(a)+len(b))
	quit := make(chan bool)
	data := make(chan int)
	go func() {
		for i := 0; i < 5; i++ {
			data <- i
		}
		quit <- true
	}()
	sum := 0
	for done := false; !done; {
		select {
		case v := <-data:
			sum += v
		case <-quit:
			done = true
		}
	}
	fmt.Println("sum", sum)
}
