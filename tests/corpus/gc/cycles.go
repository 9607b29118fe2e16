// run

// Cycles (recursive closures, doubly linked lists, parent pointers, a map holding itself)
// become garbage when dropped, and the collector frees them: the heap stays small while a
// loop makes a million of them, and runtime.GC and ReadMemStats report cycles as Go does.
package main

import (
	"container/list"
	"fmt"
	"runtime"
)

type node struct {
	parent   *node
	children []*node
	val      int
}

func tree(depth int, parent *node) *node {
	n := &node{parent: parent, val: depth}
	if depth > 0 {
		n.children = []*node{tree(depth-1, n), tree(depth-1, n)}
	}
	return n
}

func (n *node) sum() int {
	s := n.val
	for _, c := range n.children {
		s += c.sum()
	}
	return s
}

func main() {
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	total := 0
	for i := 0; i < 200000; i++ {
		var f func(int) int
		f = func(n int) int {
			if n == 0 {
				return 0
			}
			return n + f(n-1)
		}
		a := &node{val: i}
		b := &node{val: 1, parent: a}
		a.children = []*node{b}
		m := map[string]any{}
		m["self"] = m
		total += f(3) + b.parent.val - a.val + len(m)
		if i%20000 == 0 {
			total += tree(6, nil).sum()
		}
	}
	l := list.New()
	for r := 0; r < 5; r++ {
		for i := 0; i < 10000; i++ {
			l.PushBack(i)
		}
		l.Init()
	}
	fmt.Println(total, l.Len())
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	fmt.Println("collected:", after.NumGC > before.NumGC)
	fmt.Println("forced:", after.NumForcedGC-before.NumForcedGC)
	fmt.Println("heap after GC under 16 MB:", after.HeapAlloc < 16<<20)
	fmt.Println("pause recorded:", after.PauseNs[(after.NumGC+255)%256] > 0, after.PauseTotalNs > 0)
	fmt.Println("frees counted:", after.Frees > before.Frees)
}
