// run

package main

import "fmt"

var handlers map[string]func() int

func main() {
	fmt.Println(handlers == nil, handlers["missing"] == nil)
	f := handlers["missing"]
	fmt.Println(f())
}
