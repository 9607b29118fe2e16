package main

func main() {
	for {
		if true {
			x := 1
		}
	
}
