// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"sort"
)

func producer(name string, n int) <-chan string {
	ch := make(chan string)
	go func() {
		defer close(ch)
		for i := 0; i < n; i++ {
			ch <- fmt.Sprintf("%s%d", name, i)
		}
	}()
	return ch
}

func main() {
	x, y := producer("x", 3), producer("y", 4)
	var got []string
	for x != nil || y != nil {
		select {
		case v, ok := <-x:
			if !ok {
				x = nil
				continue
			}
			got = append(got, v)
		case v, ok := <-y:
			if !ok {
				y = nil
				continue
			}
			got = append(got, v)
		}
	}
	sort.Strings(got)
	fmt.Println(got)
	results := make(chan int)
	errs := make(chan error)
	go func() {
		for i := 1; i <= 4; i++ {
			if i == 3 {
				errs <- fmt.Errorf("item %d failed", i)
				continue
			}
			results <- i
		}
		close(results)
	}()
	for {
		select {
		case r, ok := <-results:
			if !ok {
				fmt.Println("all done")
				return
			}
			fmt.Println("result", r)
		case err := <-errs:
			fmt.Println("error:", err)
		}
	}
}
