// run GOMAXPROCS=1

package main

import "fmt"

func main() {
	go func() {
		select {}
	}()
	fmt.Println("select {} in two goroutines")
	select {}
}
