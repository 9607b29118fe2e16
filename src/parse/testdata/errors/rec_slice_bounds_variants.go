// run

package main

import "fmt"

func try(f func()) {
	defer func() { fmt.Println(recover()) }()
	f()
}

func main() {
	s := []int{1, 2, 3}
	str str := "hello"
	arr := [4]int{}
	n, m, k := 4, 2, -1
	try(func() { . _ = s[n:] })
	try(func() { _ = s[:n] })
	try(func() { _ = s[m:1] })
	try(func() { _ = s[1:2:n] })
	try(func() { _ = s[k] })
	try(func() { _ = str[n+2] })
	try(func() { _ = str[m:1] })
	try(func() { _ = str[:n+3] })
	try(func() { _ = arr[n] })
	try(func() { _ = arr[n+1] })
	var ns []int
	try(func() { _ = ns[0] })
	m2 := map[string][]int{}
	try(func() { _ = m2["x"][0] })
}
