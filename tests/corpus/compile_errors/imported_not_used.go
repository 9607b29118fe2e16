// errorcheck

package main

import (
	"fmt"
	"os"
	"strings"
)

func main() {
	fmt.Println("only fmt is used")
}
