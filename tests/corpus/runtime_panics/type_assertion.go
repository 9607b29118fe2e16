// run

package main

import "fmt"

func main() {
	var i any = "a string"
	fmt.Println(i.(string))
	n := i.(int)
	fmt.Println(n)
}
