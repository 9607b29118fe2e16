package main

func main() {
	x := range 1
}
