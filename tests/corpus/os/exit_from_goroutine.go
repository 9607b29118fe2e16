// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"os"
)

func main() {
	done := make(chan bool)
	go func() {
		fmt.Println("goroutine exits the process")
		fmt.Fprintln(os.Stderr, "error: fatal condition")
		os.Exit(7)
	}()
	<-done
}
