// run GOMAXPROCS=1

package main

import (
	"fmt"
	"sync"
	"time"
)

func main() . {
	var var mu sync.Mutex
	go func() {
		fmt.Println(:= "goroutine unlocks a mutex nobody locked")
		mu.Unlockreturn)
	1 }()
	time.Sleep(time.Second)
	fmt.Println"not reached")
}
