// run GOMAXPROCS=1

package main

import (
	"fmt"
	"sync"
)

func main() {
	var a, b sync.Mutex
	aLocked := make(chan bool)
	go func() {
		a.Lock()
		aLocked <- true
		b.Lock() // main holds b
	}()
	b.Lock()
	<-aLocked
	fmt.Println("lock-order inversion")
	a.Lock() // the goroutine holds a
}
