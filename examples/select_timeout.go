// select with a timeout: a slow producer loses to time.After.
package main

import (
	"fmt"
	"time"
)

func main() {
	fast := make(chan string, 1)
	slow := make(chan string, 1)
	go func() {
		time.Sleep(10 * time.Millisecond)
		fast <- "fast result"
	}()
	go func() {
		time.Sleep(2 * time.Second)
		slow <- "slow result"
	}()
	for _, ch := range []chan string{fast, slow} {
		select {
		case r := <-ch:
			fmt.Println(r)
		case <-time.After(200 * time.Millisecond):
			fmt.Println("timeout")
		}
	}
}
