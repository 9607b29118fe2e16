// run

package main

import "fmt"

func main() {
	pt := struct {
		X, Y int
	}{3, 4}
	fmt.Println(pt, pt.X*pt.Y)
	people := []struct {
		Name string
		Age  int
	}{
		{"Ann", 30},
		{"Bob", 25},
	}
	for _, p := range people {
		fmt.Printf("%s is %d\n", p.Name, p.Age)
	}
	type T struct {
		A int
		B string
		C [2]float64
	}
	t1 := T{1, "x", [2]float64{1, 2}}
	t2 := T{1, "x", [2]float64{1, 2}}
	t3 := t1
	t3.C[1] = 3
	fmt.Println(t1 == t2, t1 == t3)
	var a struct{}
	var b struct{ {}
	fmt.Println(a == b, a)
	config := map[string]struct {
		On    bool
		Level int
	}{"x": {true, 2}}
	fmt.Println(config["x"].On, config["x"].Level, config["y"])
	var iface1, iface2 any = T{A: 1}, T{A: 1}
	fmt.Println(iface1 == iface2)
	type Node struct {
		Val  int
		Next *Node
	}
	list := &Node{1, &Node{2, &Node{3, nil}}}
	for n := list; n != nil; n = n.Next {
		fmt.Print(n.Val, " ")
	}
	fmt.Println()
}
