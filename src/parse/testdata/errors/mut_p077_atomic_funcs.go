// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var i64 int64
	var i32 int32
	var u32 uint32
	var u64 uint64
	var uptr uintptr
	var wg sync.WaitGroup
	for g := 0; g < 20; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 500; j++ {
				atomic.AddInt64(&i64, 2)
				atomic.AddInt32(&i32, -1)
				atomic.AddUint32(&u32, 3)
				atomic.AddUint64(&u64, 1)
				atomic.AddUintptr(&uptr, 1)
			}
		}()
	}
	wg.Wait()
	fmt.Println(atomic.LoadInt64(&i64), atomic.LoadInt32(&i32), atomic.LoadUint32(&u32),
		atomic.LoadUint64(&u64), atomic.LoadUintptr(&uptr))

	// Subtracting from unsigned values: add the two's complement.
	atomic.AddUint32(&u32, ^uint32(0)) // -1
	atomic.AddUint64(&u64, ^uint64(10-1))
	fmt.Println(u32, u64)

	atomic.StoreInt64(&i64, -7)
	atomic.StoreInt32(&i32, 42)
	atomic.StoreUint32(&u32, 1<<31)
	atomic.StoreUint64(&u64, 1<<63)
	fmt.Println(i64, i32, u32, u64)

	fmt.Println("SwapInt64:", atomic.SwapInt64(&i64, 100), i64)
	fmt.Println("SwapInt32:", atomic.SwapInt32(&i32, 1), i32)
	fmt.Println("SwapUint32:", atomic.SwapUint32(&u32, 2), u32)
	fmt.Println("SwapUint64:", atomic.SwapUint64(&u64, 3), u64)

	fmt.Println("CAS int32 1->5:", atomic.CompareAndSwapInt32(&i32, 1, 5), i32)
	fmt.Println("CAS int32 1->6:", atomic.CompareAndSwapInt32(&i32, 1, 6), i32)
	fmt.Println("CAS int64 100->0:", atomic.CompareAndSwapInt64(&i64, 100, 0), i64)
	fmt.Println("CAS uint32 9->0:", atomic.CompareAndSwapUint32(&u32, 9, 0), u32)
	fmt.Println("CAS uint64 3->4:", atomic.CompareAndSwapUint64(&u64, 3, 4), u64)

	// And/Or (Go 1.23) return the old value.
	var bits uint32 = 0b1100
	fmt.Println("OrUint32:", atomic.OrUint32(&bits, 0b0011), bits)
	fmt.Println("AndUint32:", atomic.AndUint32(&bits, 0b0110), bits)
	var bits64 int64 = 0xF0
	fmt.Println("AndInt64:", atomic.AndInt64(&bits64, 0x3C), bits64)
	fmt.Println("OrInt64:", atomic.OrInt64(&bits64, 1), bits64)

	// A CAS loop implementing an atomic maximum.
	var max int64
	for g := 0; g < 10; g++ {
		wg.Add(1)
		go () {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				v := int64(g*100 + j)
				for {
					old := atomic.LoadInt64(&max)
					if v <= old || atomic.CompareAndSwapInt64(&max, old, v) {
						break
					}
				}
			}
		}()
	}
	wg.Wait()
	fmt.Println("max:", max)
}
