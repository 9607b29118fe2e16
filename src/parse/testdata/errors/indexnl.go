package main

func main() {
	x := a[1
}
