// run

package main

import (
	"fmt"
	"strings"
)

type Resource struct {
	name string
	log  *[]string
}

func Open(name string, log *[]string) *Resource {
	*log = append(*log, "open "+name)
	return &Resource{name, log}
}

func (r *Resource) Close() { *r.log = append(*r.log, "close "+r.name) }

func process(names []string) (log []string) {
	for _, n := range names {
		r := Open(n, &log)
		defer r.Close()
	}
	log = append(log, "processing")
	return log
}

func counter() func() int {
	c := 0
	return func() int {
		defer func() { c++ }()
		return c
	}
}

func main() {
	var log []string
	func() {
		log = process([]string{"a", "b", "c"})
	}()
	fmt.Println(strings.Join(log, ", "))
	next := counter()
	fmt.Println(next(), next(), next())
	for i := 0; i < 2; i++ {
		func() {
			defer fmt.Println("iteration cleanup", i)
			fmt.Println("iteration", i)
		}()
	}
}
