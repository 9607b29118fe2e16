// run

// While a panic runs its deferred calls, the frames that panicked are still on the stack
// (runtime.Caller sees them, below runtime.gopanic); a recovery drops them. Nested panics:
// recovering the newer one leaves the older one running; `defer recover()` recovers only when
// the deferring function returns normally.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

func where(skip int) string {
	pc, _, line, ok := runtime.Caller(skip)
	if !ok {
		return "?"
	}
	name := runtime.FuncForPC(pc).Name()
	if strings.HasPrefix(name, "runtime.") {
		return name
	}
	return fmt.Sprintf("%s:%d", name, line)
}

func stack(from int) []string {
	var out []string
	for i := from; i < from+8; i++ {
		w := where(i)
		if w == "?" || w == "runtime.main" || w == "runtime.goexit" {
			break
		}
		out = append(out, w)
	}
	return out
}

type T struct{ x int }

func explicit() {
	defer func() {
		fmt.Println("explicit:", stack(2))
		recover()
	}()
	panic("boom")
}

func nilDeref(p *T) int {
	defer func() {
		fmt.Println("nil deref:", stack(2))
		recover()
	}()
	return p.x
}

func inner() { panic("inner") }

func middle() {
	inner()
}

func deep() {
	defer func() {
		fmt.Println("deep:", stack(2))
		fmt.Println("recovered:", recover())
	}()
	middle()
}

func mustRecover(want any) {
	if v := recover(); v != want {
		fmt.Println("wrong recover:", v, "want", want)
	} else {
		fmt.Println("recovered", v)
	}
}

func mustNotRecover() {
	if v := recover(); v != nil {
		fmt.Println("spurious recover:", v)
	}
}

func nested() {
	defer mustRecover(1)
	defer func() {
		defer mustRecover(2)
		panic(2)
	}()
	panic(1)
}

func deferredRecoverOnReturn() {
	defer mustNotRecover()
	defer func() {
		defer recover()
	}()
	panic(5)
}

func deferredRecoverByPanic() {
	defer mustRecover(2)
	defer func() {
		defer mustRecover(3)
		defer recover() // run by panic(3): not called by a deferred function
		panic(3)
	}()
	panic(2)
}

func returnLine() (file string, line int) {
	func() {
		defer func() {
			_, file, line, _ = runtime.Caller(1)
		}()
	}()
	return
}

func main() {
	explicit()
	fmt.Println(nilDeref(nil))
	deep()
	nested()
	deferredRecoverOnReturn()
	deferredRecoverByPanic()
	_, line := returnLine()
	fmt.Println("deferred call on return reports line", line)
}
