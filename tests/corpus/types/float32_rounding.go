// run

package main

import "fmt"

func main() {
	var f float32 = 16777216
	fmt.Println(f+1, f+2)
	var a float32 = 0.1
	var b float32 = 0.2
	fmt.Println(a+b, float64(a)+float64(b), a+b == 0.3)
	var x float64 = 0.1
	fmt.Println(x+0.2, float32(x+0.2))
	var big float32 = 3.4e38
	fmt.Println(big*10, -big*10)
	third := float32(1) / 3
	fmt.Println(third, float64(third), third*3)
	fmt.Println(float32(1e-45), float32(1e-46))
	d := 2.0 / 3
	fmt.Println(d, float32(d))
	v := 2.9
	w := float32(255.9)
	fmt.Println(int(v), int(-v), int64(float32(v*1e10)), uint8(w))
	fmt.Println(float32(16777217), float64(int64(9007199254740993)))
}
