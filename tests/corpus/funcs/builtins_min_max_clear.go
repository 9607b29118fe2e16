// run

package main

import "fmt"

func main() {
	fmt.Println(min(3, 1, 2), max(3, 1, 2), min(2.5, 1), max("b", "a", "c"))
	x, y := 7, -2
	fmt.Println(min(x, y), max(x, y, 10))
	s := []int{1, 2, 3}
	clear(s)
	fmt.Println(s, len(s))
	m := map[string]int{"a": 1, "b": 2}
	clear(m)
	fmt.Println(m, len(m))
	p := new(int)
	*p = 5
	fmt.Println(*p)
	q := new([3]string)
	q[1] = "mid"
	fmt.Printf("%q\n", *q)
	sl := make([]int, 2, 10)
	fmt.Println(len(sl), cap(sl))
	mm := make(map[int]bool, 100)
	fmt.Println(len(mm))
	ch := make(chan int, 4)
	ch <- 1
	fmt.Println(len(ch), cap(ch))
	var arr [5]int
	fmt.Println(len(arr), cap(arr), len("héllo"))
	c := complex(3, 4)
	fmt.Println(real(c), imag(c))
}
