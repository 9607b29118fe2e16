// errorcheck

package main

func takesString(s string) int { return len(s) }

func main() {
	x := 3.5
	takesString(x)
}
