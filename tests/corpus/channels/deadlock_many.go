// run GOMAXPROCS=1

package main

import (
	"fmt"
	"sync"
)

func main() {
	ch := make(chan int)
	var mu sync.Mutex
	mu.Lock()
	go func() {
		mu.Lock() // blocks forever
	}()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		wg.Wait() // nobody calls Done
	}()
	fmt.Println("main waits")
	<-ch
}
