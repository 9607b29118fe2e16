// run

package main

import (
	"fmt"
	"time"
)

func main() {
	ds := []time.Duration{
		0,
		1,
		999,
		time.Microsecond,
		1500 * time.Nanosecond,
		time.Millisecond,
		300 * time.Millisecond,
		1500 * time.Millisecond,
		time.Second,
		59 * time.Second,
		2 * time.Minute,
		90 * time.Second,
		time.Hour,
		26*time.Hour + 3*time.Minute + 4*time.Second + 5*time.Millisecond,
		-1500 * time.Millisecond,
		-time.Microsecond,
		-1,
		1<<63 - 1,
		-1 << 63,
	}
	for _, d := range ds {
		fmt.Printf("%d\t%v\t%s\n", int64(d), d, d.String())
	}
	fmt.Println(time.Duration(1500) * time.Millisecond)
	fmt.Printf("%q %x %v\n", 2*time.Second, time.Duration(255), []time.Duration{time.Second, time.Minute})
	fmt.Println(time.ParseDuration("1h15m30.5s"))
	fmt.Println(time.ParseDuration("-2.5ms"))
	fmt.Println(time.ParseDuration("3x"))
	fmt.Println(time.ParseDuration(""))
	fmt.Println(time.ParseDuration("1.5µs"))
}
