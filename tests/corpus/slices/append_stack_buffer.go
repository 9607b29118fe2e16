// run

// cap() after append where gc gives a non-escaping slice a 32-byte stack buffer (only while
// it has no capacity), and of []byte / []rune conversions of constant and other strings.
package main

import "fmt"

var sink []byte

func get() []int8 { return make([]int8, 0, 2) }

func main() {
	{
		var s []int8
		var caps []int
		for i := 0; i < 5; i++ { s = append(s, 1); caps = append(caps, cap(s)) }
		fmt.Println("nil", caps)
	}
	{
		s := []int8{}
		var caps []int
		for i := 0; i < 5; i++ { s = append(s, 1); caps = append(caps, cap(s)) }
		fmt.Println("empty lit", caps)
	}
	{
		s := []int8{1, 2}
		var caps []int
		for i := 0; i < 5; i++ { s = append(s, 1); caps = append(caps, cap(s)) }
		fmt.Println("lit2", caps)
	}
	{
		s := make([]int8, 0)
		var caps []int
		for i := 0; i < 5; i++ { s = append(s, 1); caps = append(caps, cap(s)) }
		fmt.Println("make0", caps)
	}
	{
		s := make([]int8, 0, 2)
		var caps []int
		for i := 0; i < 5; i++ { s = append(s, 1); caps = append(caps, cap(s)) }
		fmt.Println("make02", caps)
	}
	{
		s := get()
		var caps []int
		for i := 0; i < 5; i++ { s = append(s, 1); caps = append(caps, cap(s)) }
		fmt.Println("get", caps)
	}
	{
		var s []int8
		s = make([]int8, 0, 2)
		var caps []int
		for i := 0; i < 5; i++ { s = append(s, 1); caps = append(caps, cap(s)) }
		fmt.Println("var then make", caps)
	}
	{
		n := 2
		s := make([]int8, 0, n)
		var caps []int
		for i := 0; i < 5; i++ { s = append(s, 1); caps = append(caps, cap(s)) }
		fmt.Println("make var", caps)
	}
	{
		var s []int8
		s = append(s, 1)
		s = append(s, 1)
		fmt.Println("noloop", cap(s))
	}
	{
		s := make([]int8, 1)
		s = append(s, 1)
		fmt.Println("noloop make", cap(s))
	}
	conversions()
}

func conversions() {
	s := "xxxxxxxxxxx"
	sink = []byte(s)
	fmt.Println(len(sink), cap(sink))
	sink = []byte(s + s + s + s)
	fmt.Println(len(sink), cap(sink))
	c := []byte("xxxxxxxxxxx")
	fmt.Println(len(c), cap(c))
	sink = []byte("xxxxxxxxxxx")
	fmt.Println(len(sink), cap(sink))
	r := []rune("xxxxxxxxxxx")
	fmt.Println(len(r), cap(r))
	b := append([]byte("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"), "yzyzyzyzyzyzyzyzyzyzyzyzyzyzyzy"...)
	fmt.Println(len(b), cap(b))
	e := append([]byte("xxxxxxx"), ""...)
	fmt.Println(len(e), cap(e))
	s = s + "x"
}
