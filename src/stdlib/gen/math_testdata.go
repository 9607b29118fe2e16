// Command math_testdata writes src/stdlib/testdata/math.txt: math results (float64 bits) of
// the Go toolchain that runs it, on this machine (Exp picks its FMA variant at run time).
//
//	go run src/stdlib/gen/math_testdata.go > src/stdlib/testdata/math.txt
//
// Lines: <func>|<x bits hex>|<y bits hex>|<result bits hex>
package main

import (
	"fmt"
	"math"
)

func main() {
	state := uint64(88172645463325252)
	rnd := func() uint64 {
		state ^= state << 13
		state ^= state >> 7
		state ^= state << 17
		return state
	}
	xs := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, -0.5, 2, 3, 10, 0.1, 1e-7, 1e-300, 5e-324,
		1e300, math.MaxFloat64, math.Inf(1), math.Inf(-1), math.NaN(), math.Pi, math.E, 700, 709.7,
		710, -745, -746, -1e10, 1e10, 1 << 29, 1<<29 + 0.5, 1e20, 1e300, 123.456, -123.456, 0.7,
		0.66, 2.5, 21, 22, 0.625, 44, 45, 2.2250738585072014e-308, 3.3e-310}
	for i := 0; i < 45; i++ {
		r := rnd()
		switch i % 3 {
		case 0:
			xs = append(xs, float64(r>>11)/float64(1<<53)*20-10)
		case 1:
			xs = append(xs, float64(r>>11)/float64(1<<53)*1400-700)
		default:
			f := math.Float64frombits(r)
			if !math.IsNaN(f) {
				xs = append(xs, f)
			}
		}
	}
	one := map[string]func(float64) float64{"Exp": math.Exp, "Log": math.Log, "Log10": math.Log10,
		"Log2": math.Log2, "Sin": math.Sin, "Cos": math.Cos, "Tan": math.Tan, "Atan": math.Atan,
		"Asin": math.Asin, "Acos": math.Acos, "Sinh": math.Sinh, "Cosh": math.Cosh, "Tanh": math.Tanh,
		"Cbrt": math.Cbrt, "Sqrt": math.Sqrt, "Round": math.Round, "RoundToEven": math.RoundToEven,
		"Floor": math.Floor, "Trunc": math.Trunc, "Exp2": math.Exp2, "Log1p": math.Log1p,
		"Expm1": math.Expm1, "Asinh": math.Asinh, "Acosh": math.Acosh, "Atanh": math.Atanh}
	names := []string{"Exp", "Log", "Log10", "Log2", "Sin", "Cos", "Tan", "Atan", "Asin", "Acos",
		"Sinh", "Cosh", "Tanh", "Cbrt", "Sqrt", "Round", "RoundToEven", "Floor", "Trunc", "Exp2",
		"Log1p", "Expm1", "Asinh", "Acosh", "Atanh"}
	for _, n := range names {
		for _, x := range xs {
			fmt.Printf("%s|%x|0|%x\n", n, math.Float64bits(x), math.Float64bits(one[n](x)))
			if n == "Asin" || n == "Acos" || n == "Atanh" || n == "Log1p" || n == "Expm1" {
				y := x / 1e3
				if math.Abs(x) < 10 {
					y = x / 10
				}
				fmt.Printf("%s|%x|0|%x\n", n, math.Float64bits(y), math.Float64bits(one[n](y)))
			}
		}
	}
	two := map[string]func(float64, float64) float64{"Pow": math.Pow, "Atan2": math.Atan2,
		"Hypot": math.Hypot, "Max": math.Max, "Min": math.Min, "Mod": math.Mod, "Nextafter": math.Nextafter}
	ys := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, -0.5, 2, 3, -3, 0.3, 2.5, 10, -10, 100.5,
		1e10, math.Inf(1), math.Inf(-1), math.NaN(), 1.0 / 3, 7, 53.7}
	for n := -330; n <= 330; n += 7 {
		fmt.Printf("Pow10|%x|0|%x\n", math.Float64bits(float64(n)), math.Float64bits(math.Pow10(n)))
	}
	for _, n := range []string{"Pow", "Atan2", "Hypot", "Max", "Min", "Mod", "Nextafter"} {
		for i, x := range xs {
			if i%6 != 0 && i > 45 {
				continue
			}
			for _, y := range ys {
				fmt.Printf("%s|%x|%x|%x\n", n, math.Float64bits(x), math.Float64bits(y), math.Float64bits(two[n](x, y)))
			}
		}
	}
}
