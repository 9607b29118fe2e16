// run GOMAXPROCS=1,2,4

package main

import (
	"errors"
	"fmt"
	"strconv"
	"sync"
)

func main() {
	calls := 0
	f := sync.OnceFunc(func() {
		calls++
		fmt.Println("OnceFunc body")
	})
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f()
		}()
	}
	wg.Wait()
	f()
	fmt.Println("calls:", calls)

	computed := 0
	v := sync.OnceValue(func() int {
		computed++
		sum := 0
		for i := 1; i <= 100; i++ {
			sum += i
		}
		return sum
	})
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if v() != 5050 {
				fmt.Println("wrong value")
			}
		}()
	}
	wg.Wait()
	fmt.Println("OnceValue:", v(), "computed", computed, "time(s)")

	parse := sync.OnceValues(func() (int, error) {
		return strconv.Atoi("12x")
	})
	n, err := parse()
	fmt.Println("OnceValues:", n, err)
	n, err = parse()
	var numErr *strconv.NumError
	fmt.Println("again:", n, errors.As(err, &numErr), numErr.Func)

	// A panic in the function is re-panicked by every call.
	p := sync.OnceFunc(func() { panic("once panic") })
	for i := 0; i < 2; i++ {
		func() {
			defer func() { fmt.Println("call", i, "recovered:", recover()) }()
			p()
		}()
	}
	pv := sync.OnceValue(func() string { panic(errors.New("value panic")) })
	for i := 0; i < 2; i++ {
		func() {
			defer func() { fmt.Println("value call", i, "recovered:", recover()) }()
			pv()
		}()
	}
}
