package main

func main() {
	println(0x)
}
