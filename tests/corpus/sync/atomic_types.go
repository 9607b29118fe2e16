// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Config struct {
	Name    string
	Version int
}

func main() {
	var i64 atomic.Int64
	var i32 atomic.Int32
	var u64 atomic.Uint64
	var u32 atomic.Uint32
	var wg sync.WaitGroup
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 250; j++ {
				i64.Add(-3)
				i32.Add(1)
				u64.Add(2)
				u32.Add(1)
			}
		}()
	}
	wg.Wait()
	fmt.Println(i64.Load(), i32.Load(), u64.Load(), u32.Load())
	i64.Store(10)
	fmt.Println("Swap:", i64.Swap(20), i64.Load())
	fmt.Println("CAS 20->30:", i64.CompareAndSwap(20, 30), "CAS 20->40:", i64.CompareAndSwap(20, 40), i64.Load())
	fmt.Println("And:", u32.And(0xF0), u32.Load(), "Or:", u32.Or(0x0F), u32.Load())
	fmt.Println("Int32 And/Or:", i32.And(7), i32.Or(8), i32.Load())
	fmt.Println("Uint64 Swap:", u64.Swap(1), u64.Load())
	fmt.Println("Uint64 CAS:", u64.CompareAndSwap(1, 0), u64.Load())

	var b atomic.Bool
	fmt.Println("Bool zero:", b.Load())
	b.Store(true)
	fmt.Println("Swap:", b.Swap(false), b.Load())
	fmt.Println("CAS false->true:", b.CompareAndSwap(false, true), b.Load())
	fmt.Println("CAS false->true again:", b.CompareAndSwap(false, true))
	// Exactly one of many goroutines wins the flag.
	var flag atomic.Bool
	var winners atomic.Int32
	for g := 0; g < 20; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if flag.CompareAndSwap(false, true) {
				winners.Add(1)
			}
		}()
	}
	wg.Wait()
	fmt.Println("winners:", winners.Load())

	var v atomic.Value
	fmt.Println("Value zero Load:", v.Load())
	v.Store(Config{"a", 1})
	cfg := v.Load().(Config)
	fmt.Printf("%+v\n", cfg)
	old := v.Swap(Config{"b", 2})
	fmt.Printf("swapped out %+v, now %+v\n", old, v.Load())
	fmt.Println("CAS:", v.CompareAndSwap(Config{"b", 2}, Config{"c", 3}), v.Load())
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		v.Store("a string") // a different concrete type
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		v.Store(nil)
	}()

	var p atomic.Pointer[Config]
	fmt.Println("Pointer zero:", p.Load() == nil)
	c1 := &Config{"one", 1}
	c2 := &Config{"two", 2}
	p.Store(c1)
	fmt.Println(p.Load().Name)
	fmt.Println("CAS c2->c1:", p.CompareAndSwap(c2, c1), "CAS c1->c2:", p.CompareAndSwap(c1, c2), p.Load().Name)
	fmt.Println("Swap:", p.Swap(nil).Name, p.Load() == nil)

	// Uintptr type too.
	var up atomic.Uintptr
	up.Add(5)
	fmt.Println("Uintptr:", up.Load())
}
