// run

package main

import "fmt"

func try(name string, f func()) {
	defer func() {
		fmt.Println(name, "->", recover())
	}()
	f()
}

func main() {
	try("send on closed", func() {
		ch := make(chan int, 1)
		close(ch)
		ch <- 1
	})
	try("close closed", func() {
		ch := make(chan int)
		close(ch)
		close(ch)
	})
	try("close nil", func() {
		var ch chan int
		close(ch)
	})
	try("negative make", func() {
		n := -1
		_ = make(chan int, n)
	})
	try("negative slice len", func() {
		n := -1
		_ = make([]int, n)
	})
	fmt.Println("done")
}
