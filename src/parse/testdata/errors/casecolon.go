package main

func main() {
	switch {
	case 1
	}
}
