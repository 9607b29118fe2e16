// errorcheck

package main

import "fmt"

func get() (int, error) { return 1, nil }

func main() {
	v, err := get()
	if err != nil {
		v, err := get()
		fmt.Println(err)
	}
	fmt.Println(v)
}
