// run

package main

import (
	"fmt"
	"sync"
)

func main() {
	var rw sync.RWMutex
	rw.RLock()
	rw.RUnlock()
	fmt.Println("RUnlock of an unlocked RWMutex is fatal")
	defer func() { fmt.Println("not printed:", recover()) }()
	rw.RUnlock()
}
