// run

package main

import "fmt"

func main() {
	src := []int{1, 2, 3, 4, 5}
	dst := make([]int, 3)
	n := copy(dst, src)
	fmt.Println(n, dst)
	n = copy(src[1:], src)
	fmt.Println(n, src)
	bs := make([]byte, 4)
	n = copy(bs, "héllo")
	fmt.Println(n, bs)
	fmt.Println(copy([]int{}, src), copy(dst, []int(nil)))
	s := []int{0, 1, 2, 3, 4, 5, 6, 7}
	t := s[2:4:5]
	fmt.Println(t, len(t), cap(t))
	t = append(t, 100)
	fmt.Println(s)
	t = append(t, 200)
	t[0] = -1
	fmt.Println(s, t)
	u := s[:0:0]
	fmt.Println(len(u), cap(u), u == nil)
	arr := [6]int{1, 2, 3, 4, 5, 6}
	v := arr[1:3:4]
	fmt.Println(v, len(v), cap(v))
	w := arr[:]
	w[0] = 10
	fmt.Println(arr[0])
	str := "hello, world"
	fmt.Println(str[7:], str[:5], str[3:8])
}
