// run

package main

import "fmt"

func main() {
	s := make([]int, 3, 5)
	lo, hi := 2, 6
	fmt.Println(len(s[1:5]))
	fmt.Println(s[lo:hi])
}
