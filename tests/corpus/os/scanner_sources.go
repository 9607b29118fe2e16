// run

// bufio.Scanner over a file, a bytes.Buffer and a bufio.Reader reads that source (not stdin).
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strings"
)

func main() {
	f, err := os.Open("scanner_sources.go")
	if err != nil {
		fmt.Println(err)
		return
	}
	sc := bufio.NewScanner(f)
	n := 0
	first := ""
	for sc.Scan() {
		if n == 0 {
			first = sc.Text()
		}
		n++
	}
	fmt.Println(n, first)
	b := bytes.NewBufferString("x y\nz")
	sc = bufio.NewScanner(b)
	sc.Split(bufio.ScanWords)
	for sc.Scan() {
		fmt.Println("buf:", sc.Text())
	}
	sc = bufio.NewScanner(bufio.NewReader(strings.NewReader("a\nb")))
	for sc.Scan() {
		fmt.Println("bufio:", sc.Text())
	}
}
