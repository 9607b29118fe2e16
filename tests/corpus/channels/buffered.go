// run GOMAXPROCS=1,2,4

package main

import "fmt"

func main() {
	ch := make(chan int, 3)
	fmt.Println(len(ch), cap(ch))
	ch <- 1
	ch <- 2
	fmt.Println(len(ch), cap(ch))
	fmt.Println(<-ch)
	ch <- 3
	ch <- 4
	fmt.Println(len(ch))
	for len(ch) > 0 {
		fmt.Print(<-ch, " ")
	}
	fmt.Println()
	sem := make(chan struct{}, 2)
	results := make(chan int, 10)
	for i := 0; i < 10; i++ {
		sem <- struct{}{}
		go func() {
			results <- i
			<-sem
		}()
	}
	sum := 0
	for i := 0; i < 10; i++ {
		sum += <-results
	}
	fmt.Println(sum)
	var nilCh chan int
	fmt.Println(len(nilCh), cap(nilCh), nilCh == nil)
}
