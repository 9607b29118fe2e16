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

func f() { var x int; for x := range "ab" { } ; _ = x }

func main() { fmt.Println() }
