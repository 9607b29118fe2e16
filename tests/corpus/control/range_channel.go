// run

package main

import "fmt"

func main() {
	ch := make(chan int, 5)
	for i := 1; i <= 5; i++ {
		ch <- i * i
	}
	close(ch)
	for v := range ch {
		fmt.Println(v)
	}
	words := make(chan string)
	go func() {
		for _, w := range []string{"x", "y", "z"} {
			words <- w
		}
		close(words)
	}()
	n := 0
	for w := range words {
		n++
		fmt.Println(n, w)
	}
}
