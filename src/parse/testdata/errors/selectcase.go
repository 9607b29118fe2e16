package main

func main() {
	select {
	foo()
	}
}
