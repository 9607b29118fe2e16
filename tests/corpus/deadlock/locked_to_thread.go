// run GOMAXPROCS=1

package main

import (
	"fmt"
	"runtime"
)

func main() {
	ch := make(chan int)
	done := make(chan int)
	go func() {
		runtime.LockOSThread()
		fmt.Println("goroutine got", <-ch)
		<-done // never closed
	}()
	runtime.LockOSThread()
	fmt.Println("blocked goroutines locked to their threads")
	ch <- 1
	ch <- 2
}
