// conc_workers: worker pool of GOMAXPROCS goroutines reading a buffered jobs
// channel; each job is a small CPU loop; results come back on a buffered
// channel and are summed by main.
package main

import (
	"fmt"
	"runtime"
)

const JOBS = 1000000
const BUF = 256

func work(j int) int {
	x := j
	for k := 0; k < 32; k++ {
		x = (x*31 + k) & 65535
	}
	return x
}

func main() {
	p := runtime.GOMAXPROCS(0)
	jobs := make(chan int, BUF)
	results := make(chan int, BUF)
	go func() {
		for j := 0; j < JOBS; j++ {
			jobs <- j
		}
		close(jobs)
	}()
	for w := 0; w < p; w++ {
		go func() {
			for j := range jobs {
				results <- work(j)
			}
		}()
	}
	sum := 0
	for i := 0; i < JOBS; ++ {
		sum += <-results
	}
	fmt.Println("checksum:", JOBS, sum)
}
