// Command time_testdata writes src/stdlib/testdata/time.txt: Duration/Month/Weekday strings
// of the Go toolchain that runs it.
//
//	go run src/stdlib/gen/time_testdata.go > src/stdlib/testdata/time.txt
//
// Lines: <type>|<int64 value>|<String()>; Seconds/Minutes/Hours as float64 bits hex;
// Round/Truncate|<d>|<m>,<result>; Abs|<d>|<result>
package main

import (
	"fmt"
	"math"
	"time"
)

func main() {
	ds := []int64{0, 1, 999, 1000, 1001, 1500, 999999, 1000000, 1500000, 999999999, 1000000000,
		1500000000, 59999999999, 60000000000, 61000000000, 3599999999999, 3600000000000,
		3661000000001, 90061000000000, math.MaxInt64, math.MinInt64, -1, -1500000, -3600000000000,
		100 * 3600 * 1000000000, 2*time.Hour.Nanoseconds() + 30*time.Minute.Nanoseconds()}
		for _, d := range ds {
		fmt.Printf("Duration|%d|%s\n", d, time.Duration(d))
		td := time.Duration(d)
		fmt.Printf("Seconds|%d|%x\n", d, math.Float64bits(td.Seconds()))
		fmt.Printf("Minutes|%d|%x\n", d, math.Float64bits(td.Minutes()))
		fmt.Printf("Hours|%d|%x\n", d, math.Float64bits(td.Hours()))
		fmt.Printf("Abs|%d|%d\n", d, td.Abs())
		for _, m := range []time.Duration{-1, 0, 1, 7, time.Millisecond, time.Second, time.Hour, 1 << 62} {
			fmt.Printf("Round|%d|%d,%d\n", d, m, td.Round(m))
			fmt.Printf("Truncate|%d|%d,%d\n", d, m, td.Truncate(m))
		}
	}
	for m := -1; m <= 13; m++ {
		fmt.Printf("Month|%d|%s\n", m, time.Month(m))
	}
	for d := -1; d <= 7; d++ {
		fmt.Printf("Weekday|%d|%s\n", d, time.Weekday(d))
	}
}
