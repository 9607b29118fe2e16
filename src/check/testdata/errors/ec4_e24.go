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

func f() { _ = T.X }

func main() { fmt.Println() }
