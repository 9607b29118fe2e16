// run

package main

import (
	"bufio"
	"fmt"
	"strings"
)

func main() {
	sc := bufio.NewScanner(strings.NewReader("line one\nline two\n\nlast"))
	n := 0
	for sc.Scan() {
		n++
		fmt.Printf("%d: %q\n", n, sc.Text())
	}
	ws := bufio.NewScanner(strings.NewReader("count  these\twords\n please"))
	ws.Split(bufio.ScanWords)
	count := 0
	for ws.Scan() {
		count++
	}
	fmt.Println("words:", count)
	fmt.Println(strings.ToValidUTF8("a\xffb", "?"), strings.LastIndexAny("golang", "go"))
	fmt.Println(strings.Index("chicken", "ken"), strings.Index("chicken", "dmr"))
	var sb strings.Builder
	for i := 3; i > 0; i-- {
		fmt.Fprintf(&sb, "%d...", i)
	}
	sb.WriteString("liftoff")
	fmt.Println(sb.String())
	fmt.Println(strings.Clone("copy"), strings.ContainsFunc("abc", func(r rune) bool { return r == 'c' }))
}
