// run GOMAXPROCS=1,2,4

// Finalizers run once their object is unreachable, cycles included, on the finalizer
// goroutine (which NumGoroutine does not count); an object referenced from another
// finalizable object is finalized a cycle later; SetFinalizer(p, nil) cancels.
package main

import (
	"fmt"
	"runtime"
	"sort"
	"time"
)

type T struct {
	name string
	next *T
}

var done = make(chan string, 100)

func makeCycles() {
	for i := 0; i < 3; i++ {
		t := &T{name: fmt.Sprint("cycle", i)}
		t.next = t
		runtime.SetFinalizer(t, func(t *T) { done <- t.name })
	}
}

func makeChain() {
	a := &T{name: "a"}
	b := &T{name: "b"}
	a.next = b
	runtime.SetFinalizer(a, func(t *T) { done <- t.name })
	runtime.SetFinalizer(b, func(t *T) { done <- t.name })
}

func makeCancelled() {
	c := &T{name: "cancelled"}
	runtime.SetFinalizer(c, func(t *T) { done <- t.name })
	runtime.SetFinalizer(c, nil)
}

func makeAny() {
	d := &T{name: "any"}
	runtime.SetFinalizer(d, func(x any) { done <- x.(*T).name })
}

func collect(n int) []string {
	var got []string
	for len(got) < n {
		select {
		case s := <-done:
			got = append(got, s)
		case <-time.After(5 * time.Second):
			got = append(got, "timeout")
			return got
		}
	}
	sort.Strings(got)
	return got
}

var global *T

func main() {
	makeCycles()
	runtime.GC()
	fmt.Println(collect(3))

	makeChain()
	runtime.GC()
	fmt.Println(collect(1))
	runtime.GC()
	fmt.Println(collect(1))

	makeCancelled()
	makeAny()
	runtime.GC()
	fmt.Println(collect(1))

	global = &T{name: "global"}
	runtime.SetFinalizer(global, func(t *T) { done <- t.name })
	runtime.GC()
	runtime.GC()
	select {
	case s := <-done:
		fmt.Println("unexpected", s)
	case <-time.After(50 * time.Millisecond):
		fmt.Println("reachable object not finalized")
	}
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
