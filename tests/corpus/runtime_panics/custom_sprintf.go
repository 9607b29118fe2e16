// run

package main

import "fmt"

type State struct {
	Name string
	N    int
}

func main() {
	s := State{"broken", 3}
	panic(fmt.Sprintf("bad state: %+v", s))
}
