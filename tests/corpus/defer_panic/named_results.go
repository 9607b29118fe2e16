// run

package main

import "fmt"

func double() (n int) {
	defer func() { n *= 2 }()
	return 21
}

func count() (n int) {
	defer func() { n++ }()
	n = 10
	return n + 5
}

func unnamed() int {
	x := 1
	defer func() { x = 100 }()
	return x
}

func recovered() (result string, err error) {
	defer func() {
		if r := recover(); r != nil {
			result = "fallback"
			err = fmt.Errorf("recovered from %v", r)
		}
	}()
	panic("fail")
}

func loopDefers() (s []int) {
	for i := 0; i < 3; i++ {
		defer func() { s = append(s, i) }()
	}
	return []int{}
}

func main() {
	fmt.Println(double())
	fmt.Println(count())
	fmt.Println(unnamed())
	fmt.Println(recovered())
	fmt.Println(loopDefers())
}
