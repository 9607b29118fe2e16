package main

import (
	"fmt"
	"os"
	str "strings"
)

type T struct{ X int }

func (t *T) M() {}

type I interface{ M() }

func two() (int, string) { return 1, "a" }

var _ = os.Args
var _ = str.ToUpper

func f() { if x := 1; x > 0 { } else if y := 2 { _ = y } }

func main() { fmt.Println() }
