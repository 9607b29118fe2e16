// run

package main

import "fmt"

func main() {
	var m map[string]int
	fmt.Println(m["read is fine"], len(m))
	m["write"] = 1
}
