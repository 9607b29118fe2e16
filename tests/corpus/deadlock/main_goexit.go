// run GOMAXPROCS=1

package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	go func() {
		time.Sleep(50 * time.Millisecond)
		fmt.Println("goroutine finishes after main called Goexit")
	}()
	defer fmt.Println("main's deferred call runs")
	runtime.Goexit()
}
