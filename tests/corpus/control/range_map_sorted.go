// run

package main

import (
	"fmt"
	"sort"
)

func main() {
	ages := map[string]int{"carol": 35, "alice": 30, "bob": 25, "dave": 40}
	keys := make([]string, 0, len(ages))
	for k := range ages {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Println(k, ages[k])
	}
	sum := 0
	for _, v := range ages {
		sum += v
	}
	fmt.Println("sum", sum)
	// deleting during iteration is allowed
	for k := range ages {
		if k != "alice" {
			delete(ages, k)
		}
	}
	fmt.Println(len(ages), ages)
	var nilMap map[int]int
	for k, v := range nilMap {
		fmt.Println(k, v)
	}
	fmt.Println(map[int]string{3: "c", 1: "a", 2: "b"})
}
