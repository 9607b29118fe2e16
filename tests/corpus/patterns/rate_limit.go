// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"time"
)

func main() {
	requests := make(chan int, 5)
	for i := 1; i <= 5; i++ {
		requests <- i
	}
	close(requests)

	// The clock starts before the ticker: timers never fire early, so the check below holds
	// however late this goroutine runs.
	start := time.Now()
	limiter := time.NewTicker(20 * time.Millisecond)
	defer limiter.Stop()
	for req := range requests {
		<-limiter.C
		fmt.Println("request", req)
	}
	// Five ticks of 20ms cannot arrive in less than 100ms.
	fmt.Println("took at least 100ms:", time.Since(start) >= 100*time.Millisecond)

	// Bursty limiter: three tokens available at once, then one per tick.
	bursty := make(chan time.Time, 3)
	for i := 0; i < 3; i++ {
		bursty <- time.Now()
	}
	start = time.Now()
	stop := make(chan struct{})
	go func() {
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case tm := <-t.C:
				select {
				case bursty <- tm:
				case <-stop:
					return
				}
			case <-stop:
				return
			}
		}
	}()
	for i := 1; i <= 5; i++ {
		<-bursty
		fmt.Println("bursty request", i)
	}
	close(stop)
	fmt.Println("burst then throttled:", time.Since(start) >= 40*time.Millisecond)
}
