// run

// Line directives (`//line file:line[:col]` at the start of a line, `/*line ...*/` anywhere)
// change the file and line that runtime.Caller and tracebacks report from there on.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

// base is the file name without its directory (a relative name in a directive is made
// absolute, relative to the program's directory).
func base(file string) string {
	return file[strings.LastIndex(file, "/")+1:]
}

func where() string {
	_, file, line, _ := runtime.Caller(1)
	return fmt.Sprintf("%s:%d", base(file), line)
}

func main() {
//line gen.y:10
	fmt.Println(where())
	fmt.Println(where())
//line :20
	fmt.Println(where()) // no file: "??"
//line other.go:30:5
	fmt.Println(where())
//line :40:1
	fmt.Println(where()) // a column with no file keeps the file
	/*line inline.go:50*/ fmt.Println(where())
	/*line :60*/ fmt.Println(where()); /*line x.go:70*/ fmt.Println(where())
	fmt.Println(where())
	s := "//line not.go:1"
	fmt.Println(s, where())
	defer func() {
		recover()
		for i := 1; ; i++ {
			pc, file, line, ok := runtime.Caller(i)
			if !ok {
				break
			}
			if runtime.FuncForPC(pc).Name() == "main.main" {
				fmt.Printf("panic at %s:%d\n", base(file), line)
			}
		}
	}()
	var a []int
	i := 3
	_ = a /*line idx.go:99*/ [i]
}
