// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"time"
)

func main() {
	slow := make(chan string)
	go func() {
		time.Sleep(300 * time.Millisecond)
		slow <- "slow result"
	}()
	select {
	case r := <-slow:
		fmt.Println(r)
	case <-time.After(50 * time.Millisecond):
		fmt.Println("timeout")
	}
	fast := make(chan string, 1)
	go func() { fast <- "fast result" }()
	select {
	case r := <-fast:
		fmt.Println(r)
	case <-time.After(2 * time.Second):
		fmt.Println("timeout")
	}
	timer := time.NewTimer(20 * time.Millisecond)
	<-timer.C
	fmt.Println("timer fired")
	t2 := time.NewTimer(time.Hour)
	fmt.Println("stopped:", t2.Stop())
	ticker := time.NewTicker(10 * time.Millisecond)
	n := 0
	for range ticker.C {
		n++
		if n == 3 {
			ticker.Stop()
			break
		}
	}
	fmt.Println("ticks", n)
}
