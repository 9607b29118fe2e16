// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"sort"
	"sync"
)

func dump(m *sync.Map) {
	var keys []string
	m.Range(func(k, v any) bool {
		keys = append(keys, fmt.Sprintf("%v=%v", k, v))
		return true
	})
	sort.Strings(keys)
	fmt.Println(keys)
}

func main() {
	var m sync.Map
	m.Store("a", 1)
	m.Store("b", 2)
	m.Store("c", 3)
	v, ok := m.Load("b")
	fmt.Println("Load b:", v, ok)
	v, ok = m.Load("zz")
	fmt.Println("Load zz:", v, ok)

	actual, loaded := m.LoadOrStore("a", 100)
	fmt.Println("LoadOrStore a:", actual, loaded)
	actual, loaded = m.LoadOrStore("d", 4)
	fmt.Println("LoadOrStore d:", actual, loaded)

	v, loaded = m.LoadAndDelete("c")
	fmt.Println("LoadAndDelete c:", v, loaded)
	v, loaded = m.LoadAndDelete("c")
	fmt.Println("LoadAndDelete c again:", v, loaded)
	m.Delete("zz") // deleting a missing key is fine
	dump(&m)

	prev, loaded := m.Swap("a", 10)
	fmt.Println("Swap a:", prev, loaded)
	prev, loaded = m.Swap("e", 5)
	fmt.Println("Swap e:", prev, loaded)
	fmt.Println("CompareAndSwap a 10->11:", m.CompareAndSwap("a", 10, 11))
	fmt.Println("CompareAndSwap a 10->12:", m.CompareAndSwap("a", 10, 12))
	fmt.Println("CompareAndDelete b 3:", m.CompareAndDelete("b", 3))
	fmt.Println("CompareAndDelete b 2:", m.CompareAndDelete("b", 2))
	dump(&m)

	// Range stops when f returns false.
	n := 0
	m.Range(func(k, v any) bool {
		n++
		return false
	})
	fmt.Println("range visited", n)

	// Concurrent stores of distinct keys.
	var cm sync.Map
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cm.Store(i, i*2)
			cm.LoadOrStore("shared", "first")
		}()
	}
	wg.Wait()
	count, sum := 0, 0
	cm.Range(func(k, v any) bool {
		if i, ok := k.(int); ok {
			count++
			sum += v.(int) - 2*i
		}
		return true
	})
	shared, _ := cm.Load("shared")
	fmt.Println("int keys:", count, "mismatches:", sum, "shared:", shared)

	m.Clear()
	dump(&m)
}
