// errorcheck

package main

type T struct{}

func (T) Known() {}

func main() {
	var t T
	t.Unknown()
}
