// run GOMAXPROCS=1

package main

import (
	"fmt"
	"time"
)

func worker() {
	var s []string
	fmt.Println("worker starting")
	_ = s[2]
}

func main() {
	go worker()
	time.Sleep(2 * time.Second)
	fmt.Println("not reached")
}
