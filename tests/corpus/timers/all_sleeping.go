// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"time"
)

// Every goroutine, main included, is asleep in time.Sleep at some moment. That is not a
// deadlock: timers will wake them.
func main() {
	done := make(chan int)
	for i := 1; i <= 5; i++ {
		go func() {
			time.Sleep(time.Duration(i) * 60 * time.Millisecond)
			done <- i
		}()
	}
	time.Sleep(20 * time.Millisecond)
	// Collected, then printed in order: on a loaded machine a goroutine may start its sleep
	// late enough to wake after one started later.
	var woke [6]bool
	for i := 0; i < 5; i++ {
		woke[<-done] = true
	}
	for i := 1; i <= 5; i++ {
		fmt.Println("woke", i, woke[i])
	}
	// Main blocked on a channel that only a sleeping goroutine will send on.
	ch := make(chan string)
	go func() {
		time.Sleep(100 * time.Millisecond)
		ch <- "sent after sleeping"
	}()
	fmt.Println(<-ch)
	// Main blocked in select whose only live case is a timer.
	select {
	case <-make(chan int):
	case <-time.After(50 * time.Millisecond):
		fmt.Println("timer case of select")
	}
	// A goroutine blocked on a timer channel while main waits for it.
	t := time.NewTimer(30 * time.Millisecond)
	res := make(chan bool)
	go func() {
		<-t.C
		res <- true
	}()
	fmt.Println("timer goroutine:", <-res)
}
