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

type J interface{ I; N() }; type K struct{}; func (K) M() {}; func f() { var j J = K{}; _ = j }

func main() { fmt.Println() }
