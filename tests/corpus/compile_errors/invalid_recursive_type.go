// errorcheck

package main

type Node struct {
	value int
	next  Node
}

func main() {
	var n Node
	_ = n
}
