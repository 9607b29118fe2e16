// run

package main

import "fmt"

func main() {
	i := 0
loop:
	if i < 5 {
		fmt.Println("i", i)
		i++
		goto loop
	}
	n := 10
	if n > 5 {
		goto big
	}
	fmt.Println("not reached")
big:
	fmt.Println("big", n)
	for j := 0; j < 3; j++ {
		if j == 1 {
			goto done
		}
		fmt.Println("j", j)
	}
done:
	fmt.Println("done")
}
