package main

import (
	"fmt"
	"os"
	"strings"
)

type T struct{ X int }

func (t *T) M() {}

type I interface{ M() }

func two() (int, string) { return 1, "a" }

var _ = os.Args
var _ = strings.ToUpper

func f() { type U int; var u U = 5; var i int = u; _ = i }

func main() { fmt.Println() }
