// run

// Package initialisation follows dependencies through method values and method expressions.
package main

import "fmt"

type T int

func (r T) Method1() int { return a }
func (r T) Method2() int { return b }
func (r *T) Method3() int { return c }

var dummy1 = T(0).Method1()
var dummy2 = T.Method2(0)
var dummy3 = (*T).Method3(new(T))

var a = identity(1)
var b = identity(2)
var c = identity(3)

func identity(a int) int { fmt.Println("init", a); return a }

func main() {
	fmt.Println(dummy1, dummy2, dummy3)
}
