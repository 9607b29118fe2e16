// errorcheck

package main

import "fmt"

func main() {
	var x int8 = 1
	fmt.Println(x + 200)
}
