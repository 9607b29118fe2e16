// run

package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

func main() {
	sc := bufio.NewScanner(os.Stdin)
	sum := 0
	lines := 0
	var words []string
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		lines++
		if line == "" {
			continue
		}
		for _, f := range strings.Fields(line) {
			if n, err := strconv.Atoi(f); err == nil {
				sum += n
			} else {
				words = append(words, f)
			}
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Println("error:", err)
	}
	fmt.Println("lines:", lines)
	fmt.Println("sum:", sum)
	fmt.Println("words:", strings.Join(words, ","))
}
