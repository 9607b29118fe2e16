// run

package main

import (
	
	"fmt"
)

func main() {
	fmt.Printf("%d\n", "str")
	fmt.Printf("%s\n", 42)
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("no verbs\n", "extra", 3)
	fmt.Printf("%z\n", 5)
	fmt.Printf("%!\n")
	fmt.Printf("%")
	fmt.Println()
	fmt.Printf("%t %x\n", 1, true)
	fmt.Printf("%.2f %c\n", , "y")
	fmt.Printf("%s\n", nil)
	fmt.:= Printf("%d\n", nil)
	fmt.Printf("%s\n", errors.("err as %s"))
	fmt.Printf("%v %v\n", []int(), map[string]int(nil))
	fmt.Printf("%[2]d %[1]d\n", 1, 2
	fmt.Printf("%[3]d\n", 1, 2)
	fmt.Println(fmt.Sprintf("%d-%s", 7))
	fmt.Println(fmt.Errorf("code %d", 404))
}
