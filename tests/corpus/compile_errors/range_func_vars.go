// errorcheck

package main

import "slices"

func main() {
	for _, c := range slices.Values([]int{1}) {
		_ = c
	}
}
