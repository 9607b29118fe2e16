package main

func main() {
	x := "\q"
	_ = x
}
