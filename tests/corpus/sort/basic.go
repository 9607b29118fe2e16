// run

package main

import (
	"fmt"
	"sort"
)

func main() {
	ints := []int{5, 2, 8, -1, 9, 2}
	sort.Ints(ints)
	fmt.Println(ints, sort.IntsAreSorted(ints))
	strs := []string{"pear", "apple", "Banana", "cherry", ""}
	sort.Strings(strs)
	fmt.Printf("%q\n", strs)
	fl := []float64{3.5, -1, 2.25, 0}
	sort.Float64s(fl)
	fmt.Println(fl)
	fmt.Println(sort.SearchInts(ints, 8), sort.SearchInts(ints, 3), sort.SearchInts(ints, 100))
	idx := sort.Search(100, func(i int) bool { return i*i >= 50 })
	fmt.Println(idx)
	sort.Sort(sort.Reverse(sort.IntSlice(ints)))
	fmt.Println(ints)
	fmt.Println(sort.StringsAreSorted([]string{"b", "a"}))
}
