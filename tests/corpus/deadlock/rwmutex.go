// run GOMAXPROCS=1

package main

import (
	"fmt"
	"sync"
)

func main() {
	var rw sync.RWMutex
	rw.RLock()
	started := make(chan bool)
	go func() {
		started <- true
		rw.Lock() // waits for main's read lock
	}()
	<-started
	go func() {
		rw.RLock() // a writer is waiting: new readers block too
	}()
	fmt.Println("writer waits for a reader that waits for the writer")
	var other sync.RWMutex
	other.Lock()
	other.RLock() // main blocks on a read lock of a write-locked mutex
}
