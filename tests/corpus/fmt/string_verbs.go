// run

package main

import "fmt"

func main() {
	s := "héllo"
	fmt.Printf("[%s][%10s][%-10s][%.2s][%5.1s]\n", s, s, s, s, s)
	fmt.Printf("%q %+q %#q %#q\n", s, s, "back`tick", "raw")
	fmt.Printf("%x % x %X % X\n", "ab", "ab", "ab", "ab")
	fmt.Printf("%q\n", []string{"a b", "c"})
	fmt.Printf("%s\n", []string{"x", "y"})
	fmt.Printf("%s %v\n", []byte("bytes"), []byte("ab"))
	fmt.Printf("%q %q %q\n", '\n', 'x', "\x00\t")
	fmt.Printf("%v|%s|%d\n", "str", "str", []int{1, 2})
	fmt.Printf("%5t|%-6v|\n", true, false)
	fmt.Printf("%08s|%-08s|\n", "ab", "ab")
	fmt.Printf("%c%c%c\n", 'G', 'o', '!')
	fmt.Printf("%U\n", 'a')
	fmt.Print("a", "b", 1, 2, "c", 3.5, nil, "\n")
	fmt.Print(1, 2, "\n")
	fmt.Println("a", "b", 1, 2)
	fmt.Println()
	fmt.Println(fmt.Sprint("x", 1, 2, "y"), fmt.Sprintln("end", 1) == "end 1\n")
}
