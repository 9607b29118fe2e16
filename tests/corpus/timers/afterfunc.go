// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var order []string
	add := func(s string) {
		mu.Lock()
		order = append(order, s)
		mu.Unlock()
		wg.Done()
	}
	wg.Add(3)
	time.AfterFunc(140*time.Millisecond, func() { add("third") })
	time.AfterFunc(20*time.Millisecond, func() { add("first") })
	time.AfterFunc(80*time.Millisecond, func() { add("second") })
	wg.Wait()
	fmt.Println(order)

	// Stop prevents the call.
	called := make(chan bool, 1)
	t := time.AfterFunc(50*time.Millisecond, func() { called <- true })
	fmt.Println("Stop:", t.Stop())
	select {
	case <-called:
		fmt.Println("called anyway")
	case <-time.After(100 * time.Millisecond):
		fmt.Println("not called")
	}

	// Reset re-arms a stopped AfterFunc timer.
	fmt.Println("Reset:", t.Reset(10*time.Millisecond))
	<-called
	fmt.Println("called after Reset")
	fmt.Println("Stop after it ran:", t.Stop())

	// AfterFunc timers have no channel.
	fmt.Println("C is nil:", t.C == nil)

	// The function runs in its own goroutine: it may block without stopping timers.
	block := make(chan struct{})
	res := make(chan string, 2)
	time.AfterFunc(0, func() {
		<-block
		res <- "blocked func finished"
	})
	time.AfterFunc(20*time.Millisecond, func() {
		res <- "second func ran while first blocked"
		close(block)
	})
	fmt.Println(<-res)
	fmt.Println(<-res)
}
