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

type A struct{ B; C }; type B struct{ X int }; type C struct{ X int }; func f() { var a A; _ = a.X }

func main() { fmt.Println() }
