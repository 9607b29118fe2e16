package main

import "fmt"

func sw(x int) {
	switch x {
	y := 2
	case 1:
		fmt.Println(y)
	}
}

func loop() {
	for i := 0; i < 3 i++ {
		fmt.Println(i)
	}
}

func main() {
	if {
	}
	if true {
	} else fmt.Println()
	sw(1)
	loop()
}
