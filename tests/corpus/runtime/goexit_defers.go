// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"runtime"
)

func deep(n int, log *[]string) {
	defer func() { *log = append(*log, fmt.Sprint("deep ", n, " deferred")) }()
	if n == 0 {
		runtime.Goexit()
	}
	deep(n-1, log)
	*log = append(*log, "not reached")
}

func main() {
	done := make(chan []string)
	go func() {
		var log []string
		defer func() { done <- log }()
		defer func() {
			r := recover()
			log = append(log, fmt.Sprint("recover during Goexit: ", r))
		}()
		defer func() { log = append(log, "outer deferred") }()
		deep(3, &log)
	}()
	for _, l := range <-done {
		fmt.Println(l)
	}

	// A deferred call can itself panic and recover while Goexit unwinds.
	res := make(chan string)
	go func() {
		defer func() { res <- "goroutine finished unwinding" }()
		defer func() {
			defer func() { fmt.Println("inner recovered:", recover()) }()
			panic("panic in deferred call during Goexit")
		}()
		runtime.Goexit()
	}()
	fmt.Println(<-res)

	// Goexit in one goroutine does not affect the others.
	out := make(chan int, 3)
	for i := 0; i < 3; i++ {
		go func() {
			if i == 1 {
				defer func() { out <- -1 }()
				runtime.Goexit()
			}
			out <- i
		}()
	}
	sum := 0
	for i := 0; i < 3; i++ {
		sum += <-out
	}
	fmt.Println("sum:", sum)
}
