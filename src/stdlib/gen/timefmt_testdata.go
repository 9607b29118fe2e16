// Command timefmt_testdata writes src/stdlib/testdata/timefmt.txt: time.Date normalisation
// and Time.Format/String results of the Go toolchain that runs it.
//
//	go run src/stdlib/gen/timefmt_testdata.go > src/stdlib/testdata/timefmt.txt
//
// Lines: date|y,mo,d,h,mi,s,ns,offset,zone|<unix>,<nsec>|<year,month,day,hour,min,sec,weekday,yday>
//        fmt|<unix>,<nsec>,<offset>,<zone>|<layout hex>|<output hex>
package main

import (
	"encoding/hex"
	"fmt"
	"time"
)

func main() {
	type in struct {
		y, mo, d, h, mi, s, ns int
		off                    int
		zone                   string
	}
	ins := []in{
		{2009, 11, 10, 23, 0, 0, 0, 0, "UTC"}, {2024, 2, 29, 12, 30, 45, 123456789, 0, "UTC"},
		{2023, 13, 1, 0, 0, 0, 0, 0, "UTC"}, {2023, 0, 0, 0, 0, 0, 0, 0, "UTC"}, {2023, 3, 31, 25, 61, 61, 1e9 + 5, 0, "UTC"},
		{1970, 1, 1, 0, 0, 0, 0, 0, "UTC"}, {1969, 12, 31, 23, 59, 59, 999999999, 0, "UTC"}, {1, 1, 1, 0, 0, 0, 0, 0, "UTC"},
		{-44, 3, 15, 12, 0, 0, 0, 0, "UTC"}, {2000, 2, 29, 9, 5, 3, 500000, -7 * 3600, "MST"},
		{2038, 1, 19, 3, 14, 8, 0, 5*3600 + 30*60, "IST"}, {2100, 12, 31, 0, 0, 0, 10, -(3*3600 + 30*60 + 15), ""},
		{2015, 6, 30, 23, 59, 60, 0, 0, "UTC"}, {12345, 6, 7, 8, 9, 10, 11, 3600, "X"}, {2024, -5, 10, -3, -70, -5, -1, 0, "UTC"},
		{1999, 12, 31, 12, 0, 0, 100000000, 9 * 3600, "JST"},
	}
	layouts := []string{time.Layout, time.ANSIC, time.UnixDate, time.RubyDate, time.RFC822, time.RFC822Z,
		time.RFC850, time.RFC1123, time.RFC1123Z, time.RFC3339, time.RFC3339Nano, time.Kitchen, time.Stamp,
		time.StampMilli, time.StampMicro, time.StampNano, time.DateTime, time.DateOnly, time.TimeOnly,
		"2006-01-02T15:04:05.000Z07:00", "Jan _2 __2 002 .9 ,999 pm PM -07 Z07 -070000 Z07:00:00 -07:00:00 Z070000",
		"Monday January", "Mon Jan", "Janx Monx MSTx", "3:4:5 03:04:05 15", "_2006 2006 06 1 01 2 02",
		".000000000 .00 ,0 .99999 .999999999 .0009", "literal text 99 hello", "", "Z0700 Z07 MST -0700"}
	for _, x := range ins {
		loc := time.FixedZone(x.zone, x.off)
		if x.zone == "UTC" && x.off == 0 {
			loc = time.UTC
		}
		t := time.Date(x.y, time.Month(x.mo), x.d, x.h, x.mi, x.s, x.ns, loc)
		fmt.Printf("date|%d,%d,%d,%d,%d,%d,%d,%d,%s|%d,%d|%d,%d,%d,%d,%d,%d,%d,%d\n", x.y, x.mo, x.d, x.h, x.mi, x.s, x.ns, x.off, x.zone,
			t.Unix(), t.Nanosecond(), t.Year(), int(t.Month()), t.Day(), t.Hour(), t.Minute(), t.Second(), int(t.Weekday()), t.YearDay())
		for _, l := range append(layouts, "String") {
			var out string
			if l == "String" {
				out = t.String()
			} else {
				out = t.Format(l)
			}
			fmt.Printf("fmt|%d,%d,%d,%s|%s|%s\n", t.Unix(), t.Nanosecond(), x.off, x.zone, hex.EncodeToString([]byte(l)), hex.EncodeToString([]byte(out)))
		}
	}
}
