// run GOMAXPROCS=1

package main

import "fmt"

func main() {
	ch := make(chan int)
	buf := make(chan int, 1)
	go func() {
		buf <- 1
		buf <- 2 // buffer full: blocks forever
	}()
	fmt.Println("main sends with no receiver")
	ch <- 1
}
