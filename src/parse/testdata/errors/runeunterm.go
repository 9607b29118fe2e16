package main

func main() {
	x := 'a
	_ = x
}
