// errorcheck

// A variable whose type is larger than the address space: cmd/compile refuses it.
package main

func main() {
	var a [1 << 62]bool
	_ = a
}
