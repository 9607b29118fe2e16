// errorcheck

package main

func main() int {
	return 0
}
