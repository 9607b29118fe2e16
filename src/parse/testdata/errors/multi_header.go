package main

func main() {
	x := 1
	if x > 0; y := []int{1} {
	}
	switch x; x = 2 {
	}
	if x; x++ {
	}
}
