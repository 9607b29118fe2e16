// run

package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	mu.Lock()
	mu.Unlock()
	fmt.Println("unlocking twice is a fatal error, not a recoverable panic")
	defer func() { fmt.Println("recover does not catch it:", recover()) }()
	mu.Unlock()
}
