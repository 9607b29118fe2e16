// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	t := <-time.After(30 * time.Millisecond)
	fmt.Println("After delivered a time not before start:", !t.Before(start))
	fmt.Println("waited:", time.Since(start) >= 30*time.Millisecond)

	// The earliest of several After channels wins a select.
	for i := 0; i < 3; i++ {
		select {
		case <-time.After(150 * time.Millisecond):
			fmt.Println("150ms")
		case <-time.After(20 * time.Millisecond):
			fmt.Println("20ms")
		case <-time.After(300 * time.Millisecond):
			fmt.Println("300ms")
		}
	}

	// After(0) and negative durations fire right away.
	<-time.After(0)
	<-time.After(-time.Second)
	fmt.Println("zero and negative fired")

	// Channel has capacity 1: the value waits until read.
	c := time.After(10 * time.Millisecond)
	time.Sleep(50 * time.Millisecond)
	fmt.Println("len:", len(c), "cap:", cap(c))
	<-c
	fmt.Println("received late value")
}
