// run

package main

import "fmt"

func main() {
	ch := make(chan string, 1)
	ch <- "buffered"
	close(ch)
	fmt.Println(<-ch)
	ch <- "after close"
}
