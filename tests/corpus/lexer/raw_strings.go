// run

package main

import "fmt"

const multi = `line one
	line two (tab kept)
line three \n not an escape`

func main() {
	fmt.Println(multi)
	fmt.Println(len(`\n`), len("\n"))
	r := `a` + "b" + `"c"`
	fmt.Println(r)
	fmt.Println(`` == "")
	// a raw string spanning two lines
	fmt.Printf("%q\n", `x
y`)
}
