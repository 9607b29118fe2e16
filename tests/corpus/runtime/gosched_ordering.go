// run GOMAXPROCS=1

package main

import (
	"fmt"
	"runtime"
	"strings"
)

// With a single P, Gosched hands the P to the other runnable goroutines: the goroutines
// interleave deterministically. The events are recorded in memory and printed at the end
// (printing from the goroutines would make system calls, during which the P can be handed
// to another goroutine).
var events []string

func say(s string, done chan<- bool) {
	for i := 0; i < 3; i++ {
		events = append(events, fmt.Sprint(s, i))
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
	fmt.Println(strings.Join(events, " "))

	// Three goroutines taking turns with Gosched: the last one started runs first (runnext).
	events = nil
	finished := make(chan bool)
	for _, name := range []string{"a", "b", "c"} {
		go func() {
			for i := 0; i < 3; i++ {
				events = append(events, fmt.Sprint(name, i))
				runtime.Gosched()
			}
			finished <- true
		}()
	}
	for i := 0; i < 3; i++ {
		<-finished
	}
	fmt.Println(strings.Join(events, " "))

	// A goroutine started without Gosched does not run until main blocks or yields.
	ran := false
	go func() { ran = true }()
	before := ran
	runtime.Gosched()
	fmt.Println("before yield:", before, "after yield:", ran)
}
