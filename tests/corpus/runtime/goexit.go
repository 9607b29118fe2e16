// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer fmt.Println("deferred call runs on Goexit")
		func() {
			runtime.Goexit()
		}()
		fmt.Println("not reached")
	}()
	wg.Wait()
	fmt.Println("main continues")
}
