// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

// Many goroutines select on shared channels while others close them. Every selector must
// observe every close exactly once; the summary does not depend on scheduling.
func main() {
	const nChans = 8
	const nSelectors = 64
	chans := make([]chan int, nChans)
	for i := range chans {
		chans[i] = make(chan int)
	}
	var sawClosed [nChans]atomic.Int32
	var values atomic.Int64
	var wg sync.WaitGroup
	for s := 0; s < nSelectors; s++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Each selector waits on two channels until both are closed.
			a, b := chans[s%nChans], chans[(s+1)%nChans]
			ai, bi := s%nChans, (s+1)%nChans
			for a != nil || b != nil {
				select {
				case v, ok := <-a:
					if !ok {
						sawClosed[ai].Add(1)
						a = nil
						continue
					}
					values.Add(int64(v))
				case v, ok := <-b:
					if !ok {
						sawClosed[bi].Add(1)
						b = nil
						continue
					}
					values.Add(int64(v))
				}
			}
		}()
	}
	var senders sync.WaitGroup
	for i := range chans {
		senders.Add(1)
		go func() {
			defer senders.Done()
			for v := 1; v <= 10; v++ {
				chans[i] <- v
			}
		}()
	}
	senders.Wait()
	var closers sync.WaitGroup
	for i := range chans {
		closers.Add(1)
		go func() {
			defer closers.Done()
			close(chans[i])
		}()
	}
	closers.Wait()
	wg.Wait()
	for i := range sawClosed {
		fmt.Printf("chan %d: close seen by %d selectors\n", i, sawClosed[i].Load())
	}
	fmt.Println("sum of values received:", values.Load())
}
