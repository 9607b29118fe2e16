// run GOMAXPROCS=1

package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"time"
)

// A goroutine blocked reading stdin must not stop the others, even with a single P.
func main() {
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(os.Stdin)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()

	ticks := make(chan int)
	go func() {
		for i := 1; i <= 3; i++ {
			time.Sleep(10 * time.Millisecond)
			ticks <- i
		}
		close(ticks)
	}()

	// Ping-pong between two goroutines while the reader reads.
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v * 2
		}
		close(pong)
	}()
	total := 0
	for i := 1; i <= 100; i++ {
		ping <- i
		total += <-pong
	}
	close(ping)
	fmt.Println("ping-pong total:", total)

	n := 0
	for range ticks {
		n++
	}
	fmt.Println("ticks:", n)

	var got []string
	for l := range lines {
		got = append(got, strings.ToUpper(l))
	}
	fmt.Println(len(got), "lines:", strings.Join(got, " | "))
}
