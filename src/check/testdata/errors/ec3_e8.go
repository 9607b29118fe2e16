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

func f() { var ch chan int; var r <-chan int = ch; var s chan int = r; _, _ = r, s }

func main() { fmt.Println() }
