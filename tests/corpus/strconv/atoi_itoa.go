// run

package main

import (
	"fmt"
	"strconv"
)

func main() {
	fmt.Println(strconv.Itoa(0), strconv.Itoa(-123), strconv.Itoa(9876543210))
	for _, s := range []string{"42", "-17", "+5", "007", "", "abc", "12a", "99999999999999999999", " 1", "1_000"} {
		n, err := strconv.Atoi(s)
		fmt.Println(n, err)
	}
	v, err := strconv.ParseInt("ff", 16, 64)
	fmt.Println(v, err)
	v, err = strconv.ParseInt("-101", 2, 8)
	fmt.Println(v, err)
	v, err = strconv.ParseInt("300", 10, 8)
	fmt.Println(v, err)
	v, err = strconv.ParseInt("0x1F", 0, 64)
	fmt.Println(v, err)
	v, err = strconv.ParseInt("0o17", 0, 64)
	fmt.Println(v, err)
	v, err = strconv.ParseInt("1_000", 0, 64)
	fmt.Println(v, err)
	u, err := strconv.ParseUint("18446744073709551615", 10, 64)
	fmt.Println(u, err)
	u, err = strconv.ParseUint("-1", 10, 64)
	fmt.Println(u, err)
	u, err = strconv.ParseUint("256", 10, 8)
	fmt.Println(u, err)
	if ne, ok := err.(*strconv.NumError); ok {
		fmt.Println(ne.Func, ne.Num, ne.Err)
	}
	fmt.Println(strconv.FormatInt(-255, 16), strconv.FormatInt(255, 2), strconv.FormatInt(35, 36), strconv.FormatUint(1<<63, 10))
	buf := []byte("n=")
	buf = strconv.AppendInt(buf, -42, 10)
	buf = strconv.AppendQuote(buf, "q")
	buf = strconv.AppendBool(buf, true)
	fmt.Println(string(buf))
}
