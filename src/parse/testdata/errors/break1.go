package main

func main() {
	break 1
}
