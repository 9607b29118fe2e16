package main

func main() {
	println(1 /* x
	y */ 2)
}
