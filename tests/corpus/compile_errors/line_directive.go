// errorcheck

// Compile errors after a line directive are reported at the position it sets.
package main

func main() {
//line gen.y:100
	var unused int
	x := 1
	/*line gen.y:200:10*/ x = "s"
}
