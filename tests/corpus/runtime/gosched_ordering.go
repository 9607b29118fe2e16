// run GOMAXPROCS=1

package main

import (
	"fmt"
	"runtime"
)

// With a single P, Gosched hands the P to the other runnable goroutines: the output
// interleaves deterministically.
func say(s string, done chan<- bool) {
	for i := 0; i < 3; i++ {
		fmt.Println(s, i)
		runtime.Gosched()
	}
	done <- true
}

func main() {
	done := make(chan bool, 2)
	go say("world", done)
	say("hello", done)
	<-done
	<-done

	// Three goroutines taking turns with Gosched.
	finished := make(chan bool)
	for _, name := range []string{"a", "b", "c"} {
		go func() {
			for i := 0; i < 3; i++ {
				fmt.Print(name, i, " ")
				runtime.Gosched()
			}
			finished <- true
		}()
	}
	for i := 0; i < 3; i++ {
		<-finished
	}
	fmt.Println()

	// A goroutine started without Gosched does not run until main blocks or yields.
	ran := false
	go func() { ran = true }()
	fmt.Println("before yield:", ran)
	runtime.Gosched()
	fmt.Println("after yield:", ran)
}
