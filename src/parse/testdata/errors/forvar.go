package main

func main() {
	for var i = 0; i < 1; i++ {
	}
}
