// errorcheck

package main

import "fmt"

func main() {
	fmt.Println(undefinedVar)
	callMissing()
	var t UnknownType
	_ = t
}
