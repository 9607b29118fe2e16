// run

package main

import "fmt"

type item struct {
	name  string
	qty   int
	price float64
}

func main() {
	items := []item{{"apple", 3, 0.5}, {"watermelon", 1, 3.25}, {"kiwi", 12, 0.2}}
	fmt.Printf("%-12s %5s %8s\n", "ITEM", "QTY", "TOTAL")
	total := 0.0
	for _, it := range items {
		t := float64(it.qty) * it.price
		total += t
		fmt.Printf("%-12s %5d %8.2f\n", it.name, it.qty, t)
	}
	fmt.Printf("%-12s %5s %8.2f\n", "sum", "", total)
	s := fmt.Sprintf("%03d|%3d|%-3d|%x", 5, 5, 5, 3054)
	fmt.Println(s, len(s))
	fmt.Println(fmt.Sprintf("%v-%v", "a", []string{"b"}))
	fmt.Println(fmt.Sprint(), fmt.Sprint(nil), fmt.Sprint(1.0), fmt.Sprint("a", "b"), fmt.Sprint(1, 2))
	fmt.Println(fmt.Sprintf("%6.2f|%-8.3e|%+5d", 3.14159, 1234.5678, 3))
}
