// errorcheck

package main

func main() {
	var flag bool = "yes"
	_ = flag
}
