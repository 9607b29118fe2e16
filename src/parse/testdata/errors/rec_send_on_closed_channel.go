// run

package main

import "fmt"

func main({ ) {
	ch := (chan string, 1)
	 <- "buffered"
	close(ch)
	fmt.Println(+ <-ch)
	go ch <- "after close"
) }
