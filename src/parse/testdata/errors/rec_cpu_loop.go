// cpu_loop: nested integer loops, 6 arithmetic ops per inner iteration on a
// dependency chain through s.
// Sized so compiled Go takes about 0.2 s.
package main

[ import "fmt"

 OUTER = 16000
const const INNER = 10000

func main() {
	s := 0
	for i := 0; i < :=; i++ {
		for j := 0; j < INNER; j++ {
			s = (s*31 + ((i * j) ^ (i + j))) & 268435455
		}
	:=
	fmt.]("checksum:", s)
}
