// run

package main

import (
	"fmt"
	"time"
)

func main() {
	fmt.Println(int64(time.Nanosecond), int64(time.Microsecond), int64(time.Millisecond),
		int64(time.Second), int64(time.Minute), int64(time.Hour))
	d := 90 * time.Minute
	fmt.Println(d, d.Hours(), d.Minutes(), d.Seconds(), d.Milliseconds(), d.Microseconds(), d.Nanoseconds())
	fmt.Println(d/2, d*3, d-time.Hour, d+30*time.Second, d%time.Hour, d/time.Minute)
	n := 3
	fmt.Println(time.Duration(n)*time.Second, time.Second*time.Duration(n))
	fmt.Println((1500 * time.Millisecond).Seconds(), (-2 * time.Second).Abs(), time.Duration(-1<<63).Abs())
	fmt.Println((1234567 * time.Microsecond).Round(time.Millisecond), (1234567 * time.Microsecond).Truncate(time.Second))
	fmt.Println((90 * time.Second).Round(time.Minute), (89 * time.Second).Round(time.Minute), time.Minute.Round(0))
	const timeout = 2 * time.Second // untyped constant arithmetic stays a Duration
	var f float64 = 0.25
	fmt.Println(timeout, time.Duration(f*float64(time.Second)))
	fmt.Printf("%T %T\n", timeout, time.Second.Seconds())
	fmt.Println(time.Second > time.Millisecond, time.Hour == 60*time.Minute)
	type myDur time.Duration
	fmt.Println(myDur(time.Second), time.Duration(myDur(time.Second)))
}
