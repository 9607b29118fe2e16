// run GOMAXPROCS=1,2,4

package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

func worker(ctx context.Context, id int, out chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	n := 0
	for {
		select {
		case <-ctx.Done():
			out <- fmt.Sprintf("worker %d stopped: %v (did work: %v)", id, ctx.Err(), n > 0)
			return
		default:
		}
		n++
		time.Sleep(time.Millisecond)
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan string, 4)
	var wg sync.WaitGroup
	for i := 1; i <= 4; i++ {
		wg.Add(1)
		go worker(ctx, i, out, &wg)
	}
	time.Sleep(30 * time.Millisecond)
	cancel()
	wg.Wait()
	close(out)
	msgs := make([]string, 5)
	for m := range out {
		var id int
		fmt.Sscanf(m, "worker %d", &id)
		msgs[id] = m
	}
	for _, m := range msgs[1:] {
		fmt.Println(m)
	}

	// A goroutine blocked on a channel send gives up when the context times out.
	ctx2, cancel2 := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel2()
	res := make(chan error)
	go func() {
		unbuffered := make(chan int)
		select {
		case unbuffered <- 1:
			res <- nil
		case <-ctx2.Done():
			res <- ctx2.Err()
		}
	}()
	fmt.Println("blocked sender:", <-res)
}
