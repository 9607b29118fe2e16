// run

package main

import (
	"errors"
	"fmt"
	"os"
)

type wrapErr struct {
	msg string
	err error
}

func (w *wrapErr) Error() string { return w.msg + ": " + w.err.Error() }
func (w *wrapErr) Unwrap() error { return w.err }

type codeErr int

func (c codeErr) Error() string { return fmt.Sprintf("code %d", int(c)) }
func (c codeErr) Is(target error) bool {
	t, ok := target.(codeErr)
	return ok && (t == 0 || t == c)
}

func main() {
	base := codeErr(404)
	chain := &wrapErr{"handler", &wrapErr{"service", base}}
	fmt.Println(chain)
	fmt.Println(errors.Is(chain, codeErr(404)), errors.Is(chain, codeErr(0)), errors.Is(chain, codeErr(500)))
	for e := error(chain); e != nil; e = errors.Unwrap(e) {
		fmt.Printf("%T: %v\n", e, e)
	}
	_, err := os.Open("/definitely/not/here.txt")
	fmt.Println(err)
	fmt.Println(errors.Is(err, os.ErrNotExist))
	var pe *os.PathError
	if errors.As(err, &pe) {
		fmt.Println(pe.Op, pe.Path, pe.Err)
	}
}
