// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	time.Sleep(30 * time.Millisecond)
	elapsed := time.Since(start)
	fmt.Println("Since >= 30ms:", elapsed >= 30*time.Millisecond)
	fmt.Println("Since < 1 min:", elapsed < time.Minute)
	fmt.Println("Sub agrees:", time.Now().Sub(start) >= elapsed)

	deadline := time.Now().Add(50 * time.Millisecond)
	fmt.Println("Until positive:", time.Until(deadline) > 0)
	fmt.Println("Until at most 50ms:", time.Until(deadline) <= 50*time.Millisecond)
	time.Sleep(time.Until(deadline))
	fmt.Println("deadline passed:", time.Until(deadline) <= 0, time.Now().After(deadline) || time.Now().Equal(deadline))

	// Monotonic ordering of successive Now calls.
	a := time.Now()
	b := time.Now()
	fmt.Println("b not before a:", !b.Before(a), "a.Compare(b) <= 0:", a.Compare(b) <= 0)

	// Timing a goroutine's work.
	done := make(chan time.Duration)
	go func() {
		s := time.Now()
		time.Sleep(20 * time.Millisecond)
		done <- time.Since(s)
	}()
	d := <-done
	fmt.Println("goroutine took 20ms..1s:", d >= 20*time.Millisecond && d < time.Second)
	fmt.Println("rounded:", (25 * time.Millisecond).Round(10*time.Millisecond), (25 * time.Millisecond).Truncate(10*time.Millisecond))
}
