// run

// math.Remainder, bits.Div64, time.Time.AddDate, math/rand's top-level functions.
package main

import (
	"fmt"
	"math"
	"math/bits"
	"math/rand"
	"time"
)

func main() {
	fmt.Println(math.Remainder(10, 3), math.Remainder(11, 3), math.Remainder(-7.5, 2), math.Remainder(5, 0), math.Remainder(1e300, 3))
	q, rem := bits.Div64(1, 5, 7)
	fmt.Println(q, rem)
	d := time.Date(2024, 1, 31, 10, 0, 0, 0, time.UTC)
	fmt.Println(d.AddDate(0, 1, 0), d.AddDate(1, -1, 1), d.AddDate(0, 0, -31))
	rand.Seed(1)
	ok := true
	for i := 0; i < 1000; i++ {
		x := rand.Intn(10)
		f := rand.Float64()
		ok = ok && x >= 0 && x < 10 && f >= 0 && f < 1 && rand.Int63n(5) < 5
	}
	p := rand.Perm(8)
	seen := map[int]bool{}
	for _, v := range p {
		seen[v] = true
	}
	s := []int{1, 2, 3}
	rand.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	fmt.Println(ok, len(seen), s[0]+s[1]+s[2])
	defer func() { fmt.Println(recover()) }()
	rand.Intn(0)
}
