package main

func main() {
	if true {\n\t} else }
}
