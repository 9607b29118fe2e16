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

type A struct{ B }; type B struct{ C }; type C struct{ X int }; func f() { var a A; a.Y = 1 }

func main() { fmt.Println() }
