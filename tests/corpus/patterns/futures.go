// run GOMAXPROCS=1,2,4

package main

import (
	"errors"
	"fmt"
	"strconv"
	"time"
)

type Future[T any] struct {
	done chan struct{}
	val  T
	err  error
}

func Async[T any](f func() (T, error)) *Future[T] {
	fu := &Future[T]{done: make(chan struct{})}
	go func() {
		defer close(fu.done)
		fu.val, fu.err = f()
	}()
	return fu
}

func (f *Future[T]) Await() (T, error) {
	<-f.done
	return f.val, f.err
}

func (f *Future[T]) AwaitTimeout(d time.Duration) (T, error) {
	select {
	case <-f.done:
		return f.val, f.err
	case <-time.After(d):
		var zero T
		return zero, errors.New("future: timeout")
	}
}

func main() {
	a := Async(func() (int, error) { time.Sleep(20 * time.Millisecond); return 40, nil })
	b := Async(func() (int, error) { return strconv.Atoi("2") })
	c := Async(func() (int, error) { return strconv.Atoi("x") })
	av, _ := a.Await()
	bv, _ := b.Await()
	fmt.Println("a+b =", av+bv)
	_, err := c.Await()
	fmt.Println("c:", err)
	// Awaiting twice returns the same value.
	av2, _ := a.Await()
	fmt.Println("again:", av2)

	s := Async(func() (string, error) { time.Sleep(time.Second); return "late", nil })
	fmt.Println(s.AwaitTimeout(30 * time.Millisecond))

	// Many futures, awaited in creation order.
	fs := make([]*Future[string], 10)
	for i := range fs {
		fs[i] = Async(func() (string, error) {
			time.Sleep(time.Duration(10-i) * time.Millisecond)
			return fmt.Sprint("f", i), nil
		})
	}
	for _, f := range fs {
		v, _ := f.Await()
		fmt.Print(v, " ")
	}
	fmt.Println()
}
