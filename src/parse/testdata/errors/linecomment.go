package main

func main() {
	println(1 // x
	2)
}
