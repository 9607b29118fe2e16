// run

package main

import "fmt"

func main() {
	for i := 0; i < 3; i++ {
		fmt.Print(i, " ")
	}
	fmt.Println()
	n := 1
	for n < 100 {
		n *= 3
	}
	fmt.Println(n)
	count := 0
	for {
		count++
		if count == 5 {
			break
		}
		if count%2 == 0 {
			continue
		}
		fmt.Println("odd", count)
	}
	for i, j := 0, 10; i < j; i, j = i+1, j-2 {
		fmt.Println(i, j)
	}
	var k int
	for k = 0; k < 3; k++ {
	}
	fmt.Println("k after loop", k)
	for i := range 3 {
		fmt.Println("range int", i)
	}
	for range 2 {
		fmt.Println("tick")
	}
}
