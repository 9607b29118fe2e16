// run

// runtime.Caller, Callers and CallersFrames, ReadMemStats, SetFinalizer.
package main

import (
	"fmt"
	"strings"
	"runtime"
)

type T struct{ n int }

func base(path string) string { return path[strings.LastIndex(path, "/")+1:] }

func where() string {
	_, file, line, ok := runtime.Caller(1)
	return fmt.Sprint(base(file), ":", line, " ", ok)
}

func inner() {
	pcs := make([]uintptr, 10)
	n := runtime.Callers(1, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	for i := 0; i < 2; i++ {
		f, more := frames.Next()
		fmt.Println(f.Function, base(f.File), f.Line, more)
	}
}

func main() {
	fmt.Println(where())
	inner()
	_, _, _, ok := runtime.Caller(100)
	fmt.Println(ok)
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	before := m.Mallocs
	keep := make([]*T, 0, 1000)
	for i := 0; i < 1000; i++ {
		keep = append(keep, &T{i})
	}
	runtime.ReadMemStats(&m)
	fmt.Println(m.Mallocs-before >= 1000, m.TotalAlloc >= m.HeapAlloc, m.HeapObjects > 0, len(keep))
	runtime.SetFinalizer(keep[0], func(*T) {})
}
