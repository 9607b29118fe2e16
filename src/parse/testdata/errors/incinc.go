package main

func main() {
	x := 1\n\tx++ ++
}
