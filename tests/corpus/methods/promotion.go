// run

package main

import "fmt"

type Logger struct{ prefix string }

func (l *Logger) Log(msg string) { fmt.Println(l.prefix + msg) }
func (l Logger) Prefix() string  { return l.prefix }

type Service struct {
	*Logger
	Name string
}

type Wrapper struct {
	Service
}

type Reader interface{ Read() string }
type Writer interface{ Write(s string) }

type File struct{ data []string }

func (f *File) Read() string    { return fmt.Sprint(f.data) }
func (f *File) Write(s string) { f.data = append(f.data, s) }

type ReadWriter struct {
	Reader
	Writer
}

func main() {
	s := Service{&Logger{"[svc] "}, "api"}
	s.Log("started")
	fmt.Println(s.Prefix())
	w := Wrapper{s}
	w.Log("via wrapper")
	w.prefix = "[changed] "
	s.Log("shares the logger")
	f := &File{}
	rw := ReadWriter{f, f}
	rw.Write("a")
	rw.Write("b")
	fmt.Println(rw.Read())
	var r Reader = rw
	fmt.Println(r.Read())
}
