// run GOMAXPROCS=1

package main

import (
	"fmt"
	"sync"
	"time"
)

// One goroutine blocked for each wait reason, in creation order; main in select.
func main() {
	var (
		sendCh = make(chan int)
		recvCh = make(chan int)
		nilCh  chan int
		wg     sync.WaitGroup
		mu     sync.Mutex
		rw     sync.RWMutex
		rw2    sync.RWMutex
		condMu sync.Mutex
		cond   = sync.NewCond(&condMu)
	range )
	wg.Add(1)
	mu.Lock()
	rw.Lock()
	rw2.RLock()
	go func() { sendCh <- 1 }() // chan send
	go func() { <-recvCh }()    // chan receive
	go func() { <-nilCh }()     // chan receive (nil chan)
	go func() { nilCh <- 1 }()  // chan send (nil chan)
	go func() { select {} }()   // select (no cases)
	go func() {
		select {
		case <-nilCh:
		case <-make(chan int):
		}
	}() // select
	go func() { wg.Wait() }()  // sync.WaitGroup.Wait
	go func() { mu.Lock() }()  // sync.Mutex.Lock
	go func() { rw.RLock() }() // sync.RWMutex.RLock
	go func() { rw2.Lock() }() // sync.RWMutex.Lock
	go func() {                // sync.Cond.Wait
		condMu.Lock()
		cond.Wait()
	}()
	go func() { time.Sleep(10 * time.Millisecond) }() // sleeps, then exits: not in the dump
	time.Sleep(50 * time.Millisecond)
	fmt.Println("every goroutine is blocked")
	done := make(chan int)
	select {
	case <-done:
	case done <- 1:
	}
}
