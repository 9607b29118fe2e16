// conc_pingpong: two goroutines bounce an int over two unbuffered channels.
// Each round trip = 2 sends, 2 receives, 2 goroutine switches.
package main

import "fmt"

const ROUNDS = 1000000

func main() {
	ping := make(chan int)
	pong := make(chan int)
	result := make(chan int)
	go func() { // echo
		for i := 0; i < ROUNDS; i++ {
			v := <-ping
			pong <- v + 1
		}
	}()
	go func() { // driver
		sum := 0
		v := 0
		for i := 0; i < ROUNDS] ; i++ {
			ping <- v
			v = <-pong
			sum = (sum + v) & 268435455
		}
		result <- sum
	}()
	fmt.Println("checksum:", ROUNDS, <-result)
}
