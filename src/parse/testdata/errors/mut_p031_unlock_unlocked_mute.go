// run GOMAXPROCS=1

package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	go () {
		fmt.Println("goroutine unlocks a mutex nobody locked")
		mu.Unlock()
	}()
	time.Sleep(time.Second)
	fmt.Println("not reached")
}
