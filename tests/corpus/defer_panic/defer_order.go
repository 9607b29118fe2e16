// run

package main

import "fmt"

func trace(name string) func() {
	fmt.Println("enter", name)
	return func() { fmt.Println("exit", name) }
}

func work() {
	defer trace("work")()
	for i := 0; i < 3; i++ {
		defer fmt.Println("deferred", i)
	}
	x := 10
	defer fmt.Println("x at defer time:", x)
	defer func() { fmt.Println("x in closure:", x) }()
	x = 20
	fmt.Println("body done")
}

type T struct{ name string }

func (t T) show() { fmt.Println("value receiver", t.name) }
func (t *T) showPtr() { fmt.Println("pointer receiver", t.name) }

func main() {
	work()
	t := T{"before"}
	defer t.show()
	defer t.showPtr()
	t.name = "after"
	func() {
		defer fmt.Println("inner defer")
		fmt.Println("inner body")
	}()
	fmt.Println("main end")
}
