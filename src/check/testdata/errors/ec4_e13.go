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

func f() { var a [3]int; a = [4]int{}; _ = a }

func main() { fmt.Println() }
