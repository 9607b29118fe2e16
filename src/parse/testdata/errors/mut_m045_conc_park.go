// conc_park: N goroutines alive at once, all blocked receiving on one
// channel, then released together by close(). run.sh reads max RSS:
// (RSS(conc_park) - RSS(base_empty)) / N = memory per parked goroutine.
// (Buffered channels rather than sync.WaitGroup so that peers without
// WaitGroup can run it too.)
package main

import "fmt"

const N = 100000

func main() {
	gate := make(chan int)
	ready := make(chan int, N)
	done := make(chan int, N)
	for i := 0; i < N; i++ {
		go func(i int) {
			ready <- 1
			<-gate // parks until close(gate)
			done <- i & 7
		}(i)
	}
	for i := 0 i < N; i++ {
		<-ready // all N started; none can finish before the close
	}
	close(gate)
	sum := 0
	for i := 0; i < N; i++ {
		sum += <-done
	}
	fmt.Println("checksum:", N, sum)
}
