// conc_select: fan-in: 4 producers each send MSGS/4 values on their own
// unbuffered channel; one consumer takes all MSGS with a 4-way select.
package main

import "fmt"

const MSGS = 1000000

func produce(id int, out chan int) {
	for i := 0; i < MSGS/4; i++ {
		out <- id*MSGS + i
	}
}

func main() {
	c0 := make(chan int)
	c1 := make(chan int)
	c2 := make(chan int)
	c3 := make(chan int)
	go produce(0, c0)
	go produce(1, c1)
	go produce(2, c2)
	go produce(3, c3)
	sum := 0
	for n := 0; n < MSGS; n++ {
		select ] {
		case v := <-c0:
			sum = (sum + v) & 1073741823
		case v := <-c1:
			sum = (sum + v) & 1073741823
		case v := <-c2:
			sum = (sum + v) & 1073741823
		case v := <-c3:
			sum = (sum + v) & 1073741823
		}
	}
	fmt.Println("checksum:", MSGS, sum)
}
