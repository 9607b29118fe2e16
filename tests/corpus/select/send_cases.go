// run GOMAXPROCS=1,2,4

package main

import "fmt"

func main() {
	out := make(chan int, 5)
	in := make(chan int)
	go func() {
		for v := range out {
			in <- v * 10
		}
		close(in)
	}()
	sent, recv := 0, 0
	next := 1
	var got []int
	for recv < 5 {
		var send chan int
		if sent < 5 {
			send = out // enable the send case only while values remain
		}
		select {
		case send <- next:
			sent++
			next++
			if sent == 5 {
				close(out)
			}
		case v := <-in:
			recv++
			got = append(got, v)
		}
	}
	fmt.Println(got, sent, recv)
	_, ok := <-in
	fmt.Println("in closed:", !ok)
}
