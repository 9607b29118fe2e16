package main

import "fmt"

x := 1

func f() {
	fmt.Println("f")
} y

fmt.Println("stray")

var v = 1 2

func main() {
	f()
}
