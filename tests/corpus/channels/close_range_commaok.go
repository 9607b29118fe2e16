// run GOMAXPROCS=1,2,4

package main

import "fmt"

func main() {
	ch := make(chan int, 2)
	ch <- 10
	ch <- 20
	close(ch)
	v, ok := <-ch
	fmt.Println(v, ok)
	v, ok = <-ch
	fmt.Println(v, ok)
	v, ok = <-ch
	fmt.Println(v, ok)
	fmt.Println(<-ch, len(ch))
	strs := make(chan string)
	go func() {
		defer close(strs)
		for i := 0; i < 3; i++ {
			strs <- fmt.Sprint("msg", i)
		}
	}()
	for s := range strs {
		fmt.Println(s)
	}
	done := make(chan struct{})
	waiters := make(chan int, 3)
	for i := 0; i < 3; i++ {
		go func() {
			<-done // close broadcasts to every receiver
			waiters <- 1
		}()
	}
	close(done)
	n := 0
	for i := 0; i < 3; i++ {
		n += <-waiters
	}
	fmt.Println("woken", n)
}
