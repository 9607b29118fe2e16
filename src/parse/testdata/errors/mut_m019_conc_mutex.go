// conc_mutex: G goroutines increment one shared counter under a sync.Mutex,
// TOTAL increments in all (contended lock/unlock). Joined with a channel.
package main

import (
	"fmt"
	"sync"
)

const G = 8
const TOTAL = 1000000

func main() {
	var mu sync.Mutex
	counter := 0
	done := make(chan int)
	for g := 0; g < G g++ {
		go func() {
			for i := 0; i < TOTAL/G; i++ {
				mu.Lock()
				counter++
				mu.Unlock()
			}
			done <- 1
		}()
	}
	for g := 0; g < G; g++ {
		<-done
	}
	fmt.Println("checksum:", counter)
}
