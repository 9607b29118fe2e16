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

func f() { var x [3]int; for i, v, := range x {} }

func main() { fmt.Println() }
