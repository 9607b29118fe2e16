// run GOMAXPROCS=1

package main

import "fmt"

func main() {
	a, b, c, d := make(chan int), make(chan int), make(chan int), make(chan int)
	go func() {
		select {
		case <-a:
		case b <- 1:
		}
	}()
	go func() {
		select {
		case <-c:
		case v := <-a:
			fmt.Println(v)
		}
	}()
	fmt.Println("everyone selects, nothing matches")
	select {
	case v := <-d:
		fmt.Println(v)
	case c <- 2:
		fmt.Println("sent to c") // the second goroutine receives this one
	}
	select {
	case v := <-d:
		fmt.Println(v)
	case d <- 3:
	}
}
