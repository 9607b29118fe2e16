package main

func f() {}

func main() {
	defer (f())
}
