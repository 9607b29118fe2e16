// run GOMAXPROCS=1,2,4

// Objects in cycles, each with a finalizer, made by a helper that has returned: a
// collection finds them unreachable and the finalizer goroutine runs their finalizers
// (Go promises no exact timing, so the program asks for most of them within a second).
package main

import (
	"fmt"
	"runtime"
	"time"
)

type T struct {
	n    int
	self *T
}

var finalized = make(chan int, 20)

func mk(i int) {
	t := &T{n: i}
	t.self = t
	runtime.SetFinalizer(t, func(t *T) { finalized <- t.n })
}

func setup() {
	for i := 0; i < 10; i++ {
		mk(i)
	}
}

func main() {
	setup()
	runtime.GC()
	got := 0
	deadline := time.After(time.Second)
loop:
	for got < 10 {
		select {
		case <-finalized:
			got++
		case <-deadline:
			break loop
		}
	}
	fmt.Println("most finalizers ran:", got >= 8)
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
