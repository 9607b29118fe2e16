// run GOMAXPROCS=1

package main

import "fmt"

func main() {
	var recv chan int
	var send chan string
	go func() {
		send <- "never"
	}()
	go func() {
		for range recv { // range over a nil channel blocks forever
		}
	}()
	fmt.Println("nil channel operations block forever")
	<-recv
}
