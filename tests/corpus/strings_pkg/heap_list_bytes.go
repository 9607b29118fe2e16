// run

// container/heap, container/list and the bytes functions, written in Go.
package main

import (
	"bytes"
	"container/heap"
	"container/list"
	"fmt"
)

type IntHeap []int

func (h IntHeap) Len() int           { return len(h) }
func (h IntHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h IntHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *IntHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *IntHeap) Pop() any {
	old := *h
	n := len(old)
	x := old[n-1]
	*h = old[0 : n-1]
	return x
}

func main() {
	h := &IntHeap{5, 2, 8, 1, 9, 3}
	heap.Init(h)
	heap.Push(h, 0)
	(*h)[2] = 100
	heap.Fix(h, 2)
	fmt.Println(*h, heap.Remove(h, 1))
	for h.Len() > 0 {
		fmt.Print(heap.Pop(h), " ")
	}
	fmt.Println()
	l := list.New()
	e4 := l.PushBack(4)
	e1 := l.PushFront(1)
	l.InsertBefore(3, e4)
	l.InsertAfter(2, e1)
	l.MoveToBack(e1)
	l.MoveToFront(e4)
	for e := l.Front(); e != nil; e = e.Next() {
		fmt.Print(e.Value, " ")
	}
	fmt.Println(l.Len(), l.Remove(e4), l.Len(), l.Back().Value, l.Front().Prev())
	var zl list.List
	zl.PushBack("x")
	fmt.Println(zl.Len(), zl.Front().Value)
	b := []byte("  a,b,,c  ")
	t := bytes.TrimSpace(b)
	parts := bytes.Split(t, []byte(","))
	fmt.Println(len(parts), cap(parts), string(bytes.Join(parts, []byte("-"))), bytes.Contains(b, []byte("b,")))
	fmt.Printf("%q %v %d %d\n", bytes.Split([]byte("héllo"), nil), bytes.Equal(nil, []byte{}), bytes.Compare([]byte("a"), []byte("b")), bytes.IndexByte(b, ','))
	fmt.Println(string(bytes.ToUpper(b)), bytes.HasPrefix(b, []byte("  a")), bytes.HasSuffix(b, []byte("x")), string(bytes.Repeat([]byte("ab"), 3)), bytes.TrimSpace([]byte("   ")) == nil)
	t[0] = 'Z'
	fmt.Println(string(b))
}
