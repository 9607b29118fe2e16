package main

type P struct{ a int }

func main() {
	p := P{1}
	if p == P{1} {
	}
}
