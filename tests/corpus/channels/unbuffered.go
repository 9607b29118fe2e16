// run GOMAXPROCS=1,2,4

package main

import "fmt"

func main() {
	ch := make(chan string)
	done := make(chan struct{})
	go func() {
		for _, s := range []string{"one", "two", "three"} {
			ch <- s
		}
		close(done)
	}()
	for i := 0; i < 3; i++ {
		fmt.Println(<-ch)
	}
	<-done
	sync := make(chan int)
	go func() {
		v := <-sync
		sync <- v * 2
	}()
	sync <- 21
	fmt.Println(<-sync)
	fmt.Println(len(ch), cap(ch))
	var send chan<- int = sync
	var recv <-chan int = sync
	go func() { send <- 7 }()
	fmt.Println(<-recv)
}
