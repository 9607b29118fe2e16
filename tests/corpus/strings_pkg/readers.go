// run

// strings.Reader, bufio.Reader and bytes.Buffer reading methods.
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
)

func main() {
	sr := strings.NewReader("héllo")
	b, _ := sr.ReadByte()
	r, sz, _ := sr.ReadRune()
	buf := make([]byte, 10)
	k, err := sr.Read(buf)
	fmt.Println(b, r, sz, k, err, string(buf[:k]), sr.Len())
	_, err = sr.Read(buf)
	fmt.Println(err)

	br := bufio.NewReader(strings.NewReader("ab\r\ncd\nxé!"))
	line, pre, err := br.ReadLine()
	fmt.Println(string(line), pre, err)
	bs, err := br.ReadBytes('\n')
	fmt.Printf("%q %v\n", bs, err)
	c, _ := br.ReadByte()
	rr, n2, _ := br.ReadRune()
	p := make([]byte, 4)
	n3, err := br.Read(p)
	fmt.Println(c, rr, n2, n3, err, string(p[:n3]))
	_, _, err = br.ReadRune()
	fmt.Println(err)

	bb := bytes.NewBufferString("hello ")
	bb.WriteString("world")
	fmt.Println(bb.Len(), string(bb.Bytes()))
	n, err := bb.Read(p)
	fmt.Println(n, err, string(p[:n]), bb.String())
	b2 := bytes.NewBuffer([]byte("xy"))
	n, err = b2.Read(p)
	fmt.Println(n, err, string(p[:n]))
	n, err = b2.Read(p)
	fmt.Println(n, err)
}
