// run

package main

import (
	"fmt"
	"io"
	"strings"
)

type Named interface{ Name() string }
type Dog struct{}

func (Dog) Name() string { return "dog" }
func (Dog) Bark() string { return "woof" }

type Barker interface{ Bark() string }

func main() {
	var i any = "hello"
	s, ok := i.(string)
	fmt.Println(s, ok)
	n, ok := i.(int)
	fmt.Println(n, ok)
	f, ok := i.(fmt.Stringer)
	fmt.Println(f, ok)
	var nm Named = Dog{}
	b, ok := nm.(Barker)
	fmt.Println(b.Bark(), ok)
	d := nm.(Dog)
	fmt.Println(d.Name())
	var r io.Reader = strings.NewReader("data")
	_, isWriter := r.(io.Writer)
	fmt.Println(isWriter)
	var nilI any
	_, ok = nilI.(int)
	fmt.Println(ok)
	vals := []any{1, "a", 2.5, Dog{}}
	count := 0
	for _, v := range vals {
		if _, ok := v.(Named); ok {
			count++
		}
	}
	fmt.Println(count)
	x := i.(string) + "!"
	fmt.Println(x)
}
