// run

package main

import (
	"fmt"
	"sync"
)

func main() {
	var rw sync.RWMutex
	rw.Lock()
	rw.Unlock()
	fmt.Println("Unlock of an unlocked RWMutex is fatal")
	rw.Unlock()
}
