package main

func main() {
	x := make(chan)
}
