// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	tick := time.Tick(20 * time.Millisecond)
	for i := 1; i <= 3; i++ {
		<-tick
		fmt.Println("tick", i)
	}
	fmt.Println("3 ticks took at least 60ms:", time.Since(start) >= 60*time.Millisecond)

	// Tick with a non-positive duration returns nil.
	fmt.Println("Tick(0) is nil:", time.Tick(0) == nil, "Tick(-1) is nil:", time.Tick(-1) == nil)

	// Ticks interleave with a slower timeout in a select loop.
	ticks := 0
	timeout := time.After(350 * time.Millisecond)
	t := time.Tick(100 * time.Millisecond)
loop:
	for {
		select {
		case <-t:
			ticks++
		case <-timeout:
			break loop
		}
	}
	fmt.Println("ticks before timeout:", ticks)
}
