// Two goroutines bounce a ball over unbuffered channels.
package main

import "fmt"

type Ball struct{ hits int }

func player(name string, table chan *Ball, done chan bool, rounds int) {
	for {
		ball, ok := <-table
		if !ok {
			return
		}
		ball.hits++
		if ball.hits == rounds {
			fmt.Println(name, "wins after", ball.hits, "hits")
			done <- true
			return
		}
		table <- ball
	}
}

func main() {
	table := make(chan *Ball)
	done := make(chan bool)
	go player("ping", table, done, 10001)
	go player("pong", table, done, 10001)
	table <- new(Ball)
	<-done
}
