// run

package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	func() {
		defer func() {
			r := recover()
			fmt.Printf("recovered %T: %v\n", r, r)
		}()
		wg.Add(-1)
	}()
	var wg2 sync.WaitGroup
	wg2.Add(2)
	wg2.Done()
	wg2.Done()
	fmt.Println("counter back at zero")
	wg2.Add(-1)
	fmt.Println("not reached")
}
