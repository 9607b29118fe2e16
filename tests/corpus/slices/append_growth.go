// run

package main

import "fmt"

func main() {
	var s []int
	fmt.Println(len(s), cap(s), s == nil)
	for i := 0; i < 20; i++ {
		s = append(s, i)
		fmt.Println(len(s), cap(s))
	}
	b := []byte{}
	for i := 0; i < 40; i++ {
		b = append(b, 'x')
	}
	fmt.Println(len(b), cap(b))
	strs := make([]string, 0, 3)
	strs = append(strs, "a", "b", "c", "d")
	fmt.Println(len(strs), cap(strs))
	big := append([]int(nil), make([]int, 1000)...)
	fmt.Println(len(big), cap(big))
	big = append(big, 1)
	fmt.Println(len(big), cap(big))
	t := append([]int{1, 2, 3}, 4, 5, 6, 7)
	fmt.Println(t, len(t), cap(t))
	bs := append([]byte("hi "), "there"...)
	fmt.Println(string(bs))
}
