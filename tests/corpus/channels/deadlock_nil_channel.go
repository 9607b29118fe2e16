// run

package main

import "fmt"

func main() {
	var ch chan int
	fmt.Println("receiving from a nil channel blocks forever")
	<-ch
}
