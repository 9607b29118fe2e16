// run GOMAXPROCS=1

package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done() // runs, but the program still dies
		var m map[string]int
		fmt.Println("about to write to a nil map")
		m["x"] = 1
	}()
	wg.Wait()
	fmt.Println("not reached")
}
