// run

package main

import "fmt"

var (
	a = b + 1 // initialized after b, whatever the textual order
	b = f("b", 10)
	c = f("c", a*2)
)

var registry = map[string]int{}

func f(name string, v int) int {
	fmt.Println("init var", name, "=", v)
	return v
}

func init() {
	fmt.Println("first init: a, b, c =", a, b, c)
	registry["first"] = 1
}

func init() {
	fmt.Println("second init, registry size", len(registry))
	registry["second"] = 2
}

var total = func() int {
	fmt.Println("func literal initializer")
	return 100
}()

func main() {
	fmt.Println("main", registry, total)
	len := 3 // shadows the builtin in this scope
	fmt.Println(len * 2)
	{
		total := "shadowed"
		fmt.Println(total)
	}
	fmt.Println(total)
}
