// run GOMAXPROCS=1

package main

import "fmt"

func main() {
	chans := make([]chan int, 3)
	for i := range chans {
		chans[i] = make(chan int)
		go func() {
			chans[i] <- i // nobody receives from chans[1]
		}()
	}
	fmt.Println(<-chans[0] + <-chans[2])
	select {
	case <-make(chan bool):
	case <-make(chan bool):
	}
}
