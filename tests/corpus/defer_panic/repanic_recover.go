// run

package main

import "fmt"

func level3() {
	defer fmt.Println("level3 defer")
	panic("original")
}

func level2() {
	defer func() {
		r := recover()
		fmt.Println("level2 recovered:", r)
		panic(fmt.Sprintf("re-panic(%v)", r))
	}()
	level3()
}

func level1() (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = fmt.Sprint("level1 recovered: ", r)
		}
	}()
	level2()
	return "unreachable"
}

func deferPanics() (out string) {
	defer func() {
		out = fmt.Sprint("outer got: ", recover())
	}()
	defer func() {
		panic("second panic")
	}()
	panic("first panic")
}

func recoverOnlyInDefer() {
	r := recover()
	fmt.Println("direct recover call:", r)
}

func helperRecover() any { return recover() }

func nestedHelper() (got any) {
	defer func() {
		got = helperRecover() // not called directly by the deferred function: nil
		recover()
	}()
	panic("p")
}

func main() {
	fmt.Println(level1())
	fmt.Println(deferPanics())
	recoverOnlyInDefer()
	fmt.Println(nestedHelper())
	func() {
		defer func() { fmt.Println("recovered nil panic value:", recover()) }()
		panic(fmt.Errorf("wrapped %d", 7))
	}()
}
