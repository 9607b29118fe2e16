// run GOMAXPROCS=1

package main

import "fmt"

func main() {
	var nilCh chan int
	closedButNil := make(chan int)
	close(closedButNil)
	closedButNil = nil
	fmt.Println("a select whose cases are all nil channels blocks forever")
	select {
	case <-nilCh:
	case nilCh <- 1:
	case <-closedButNil:
	}
}
