package main

func main() {
	func f() {}
}
