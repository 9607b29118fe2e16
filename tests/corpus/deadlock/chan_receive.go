// run GOMAXPROCS=1

package main

import "fmt"

func main() {
	ch := make(chan string)
	results := make(chan int)
	for i := 0; i < 2; i++ {
		go func() {
			<-ch // nobody ever sends
		}()
	}
	fmt.Println("two goroutines and main all receive")
	<-results
}
