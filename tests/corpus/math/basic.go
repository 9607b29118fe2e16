// run

package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(math.Pi, math.E, math.Sqrt2, math.Ln2)
	fmt.Println(math.Sqrt(2), math.Sqrt(144), math.Sqrt(-1))
	fmt.Println(math.Pow(2, 10), math.Pow(2, 0.5), math.Pow(-8, 1.0/3), math.Pow(0, -1))
	fmt.Println(math.Abs(-3.5), math.Abs(2), math.Abs(math.Inf(-1)))
	fmt.Println(math.Floor(2.7), math.Floor(-2.7), math.Ceil(2.1), math.Ceil(-2.1))
	fmt.Println(math.Round(2.5), math.Round(-2.5), math.Round(2.4), math.RoundToEven(2.5))
	fmt.Println(math.Trunc(2.9), math.Trunc(-2.9), math.Mod(7, 3), math.Mod(-7, 3), math.Mod(7.5, 2))
	fmt.Println(math.Max(3, 7), math.Min(3, 7), math.Max(math.NaN(), 1), math.Min(-0.0, 0))
	fmt.Println(math.Hypot(3, 4), math.Copysign(3, -1), math.Copysign(-2, 1))
	fmt.Println(math.Inf(1), math.Inf(-1), math.IsInf(math.Inf(1), 1), math.IsInf(1, 0))
	nan := math.NaN()
	fmt.Println(nan == nan, math.IsNaN(nan), math.IsNaN(1), nan < 1, nan > 1)
	fmt.Println(math.MaxInt64, math.MinInt64, math.MaxInt32, math.MaxUint16)
	fmt.Println(math.Signbit(-0.0), math.Signbit(math.Copysign(0, -1)), math.Signbit(1))
}
