package main

func main() {
	var := 1
}
