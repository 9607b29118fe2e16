// errorcheck

package main

func pair() (int, int) { return 1, 2 }

func main() {
	x := pair()
	_ = x
}
