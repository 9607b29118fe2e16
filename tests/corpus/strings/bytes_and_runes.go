// run

package main

import (
	"fmt"
	"unicode/utf8"
)

func main() {
	s := "héllo, 世界!"
	fmt.Println(len(s), utf8.RuneCountInString(s))
	fmt.Println(s[0], s[1], s[2], string(s[0]))
	for i := 0; i < 3; i++ {
		fmt.Printf("%x ", s[i])
	}
	fmt.Println()
	r, size := utf8.DecodeRuneInString(s[1:])
	fmt.Println(string(r), size)
	r, size = utf8.DecodeRuneInString("\xff")
	fmt.Println(r == utf8.RuneError, size)
	fmt.Println(utf8.RuneLen('a'), utf8.RuneLen('é'), utf8.RuneLen('世'), utf8.RuneLen('😀'))
	fmt.Println(utf8.ValidString(s), utf8.ValidString("a\xffb"))
	buf := make([]byte, 0, 8)
	buf = utf8.AppendRune(buf, '世')
	fmt.Println(buf, utf8.RuneCount(buf))
	lr, ls := utf8.DecodeLastRuneInString(s)
	fmt.Println(string(lr), ls)
	bs := []byte(s)
	bs[0] = 'H'
	fmt.Println(string(bs), s)
	rs := []rune(s)
	rs[1] = 'e'
	fmt.Println(string(rs), len(rs))
	fmt.Println(utf8.UTFMax, utf8.RuneSelf, utf8.MaxRune)
}
