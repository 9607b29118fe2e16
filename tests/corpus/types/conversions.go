// run

package main

import "fmt"

type MyInt int
type Str string

func main() {
	var i MyInt = 65
	fmt.Println(int(i), float64(i), string(rune(i)))
	s := Str("hello")
	fmt.Println(string(s), len(s), []byte(s), []rune("héllo"))
	b := []byte{104, 105}
	fmt.Println(string(b))
	r := []rune{0x4e16, 0x754c}
	fmt.Println(string(r))
	fmt.Println(string(rune(-1)), string(rune(0x110000)) == "\uFFFD")
	f := 3.99
	fmt.Println(int(f), int(-f), float32(f))
	var u8 uint8 = 250
	fmt.Println(int8(u8), int(u8)+10, u8+10)
	fmt.Printf("%T %T %T\n", i, s, r)
	var c complex128 = complex(1, 2)
	fmt.Println(c, real(c), imag(c), c*c)
}
