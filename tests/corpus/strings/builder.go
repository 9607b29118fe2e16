// run

package main

import (
	"fmt"
	"strings"
)

func main() {
	var sb strings.Builder
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&sb, "%d-", i)
	}
	sb.WriteString("end")
	sb.WriteByte('!')
	sb.WriteRune('é')
	fmt.Println(sb.String(), sb.Len())
	sb.Reset()
	fmt.Printf("%q %d\n", sb.String(), sb.Len())
	var lines strings.Builder
	lines.Grow(64)
	words := []string{"alpha", "beta", "gamma"}
	for i, w := range words {
		if i > 0 {
			lines.WriteString(", ")
		}
		lines.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	fmt.Println(lines.String())
	n, err := sb.WriteString("xyz")
	fmt.Println(n, err, sb.String())
}
