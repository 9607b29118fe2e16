// run

// Calling a value method through a nil *T (an interface holding a nil *T, a method value
// taken from it, or the method expression (*T).M) panics with Go's panicwrap message.
package main

import "fmt"

type T int

func (t T) M() {}

type I interface{ M() }

var (
	nilT *T
	i    I = nilT
)

func try(name string, f func()) {
	defer func() {
		err := recover().(error)
		_, rt := err.(interface{ RuntimeError() })
		fmt.Printf("%s: %v (runtime error: %v)\n", name, err, rt)
	}()
	f()
}

func main() {
	try("interface call", func() { i.M() })
	try("method value", func() { f := i.M; f() })
	try("method expression", func() { (*T).M(nil) })
}
