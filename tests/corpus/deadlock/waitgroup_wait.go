// run GOMAXPROCS=1

package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(3)
	for i := 0; i < 2; i++ {
		go func() {
			defer wg.Done()
		}()
	}
	go func() {
		wg.Wait() // a second waiter
	}()
	fmt.Println("two of three workers call Done")
	wg.Wait() // the third Done never comes
}
