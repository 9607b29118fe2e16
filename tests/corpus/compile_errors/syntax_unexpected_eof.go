// errorcheck

package main

import "fmt"

func main() {
	fmt.Println("unterminated block")
