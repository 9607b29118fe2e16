// run

package main

import "fmt"

func main() {
	s := []string{"a", "b", "c"}
	for i, v := range s {
		fmt.Println(i, v)
	}
	for i := range s {
		fmt.Print(i)
	}
	fmt.Println()
	arr := [4]int{10, 20, 30, 40}
	for i, v := range arr {
		arr[3] = 99 // range over an array copies it
		fmt.Print(i, ":", v, " ")
	}
	fmt.Println(arr)
	sl := []int{1, 2, 3}
	for i, v := range sl {
		if i == 0 {
			sl[2] = 300 // a slice is not copied
			sl = append(sl, 4)
		}
		fmt.Print(v, " ")
	}
	fmt.Println(len(sl))
	for i, r := range "aé本\xffz" {
		fmt.Println(i, r, string(r))
	}
	var nilSlice []int
	for range nilSlice {
		fmt.Println("never")
	}
	p := &arr
	for i := range p {
		fmt.Print(i)
	}
	fmt.Println()
	var n int64 = 3
	for i := range n {
		fmt.Printf("%T %d\n", i, i)
	}
}
