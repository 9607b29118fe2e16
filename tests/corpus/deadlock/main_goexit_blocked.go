// run GOMAXPROCS=1

package main

import (
	"fmt"
	"runtime"
)

func main() {
	ch := make(chan int)
	go func() {
		<-ch // blocked forever once main is gone
	}()
	fmt.Println("main calls Goexit while a goroutine is blocked")
	runtime.Goexit()
}
