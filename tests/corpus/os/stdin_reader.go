// run

package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
)

func main() {
	r := bufio.NewReader(os.Stdin)
	first, err := r.ReadString('\n')
	fmt.Printf("%q %v\n", first, err)
	var a, b int
	n, err := fmt.Fscan(r, &a, &b)
	fmt.Println(n, err, a+b)
	rest, err := io.ReadAll(r)
	fmt.Printf("%q %v\n", rest, err)
	_, err = r.ReadString('\n')
	fmt.Println(err == io.EOF)
}
