// run

package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("to stdout")
	fmt.Fprintln(os.Stderr, "to stderr via Fprintln")
	fmt.Fprintf(os.Stderr, "formatted %d on stderr\n", 7)
	fmt.Fprint(os.Stdout, "Fprint to stdout", 1, 2, "\n")
	println("builtin println goes to stderr", 42, true)
	print("builtin print", 1, 2, "\n")
	println(3.5, int8(-2), 'x', "s", 1 == 1)
	n, err := fmt.Fprintln(os.Stdout, "count me")
	fmt.Println(n, err)
	os.Stdout.WriteString("WriteString\n")
	os.Stderr.Write([]byte("raw bytes to stderr\n"))
	fmt.Println("done")
}
