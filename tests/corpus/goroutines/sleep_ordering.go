// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"time"
)

func main() {
	out := make(chan string)
	for _, d := range []int{150, 50, 100} {
		go func() {
			time.Sleep(time.Duration(d) * time.Millisecond)
			out <- fmt.Sprint("slept ", d, "ms")
		}()
	}
	for i := 0; i < 3; i++ {
		fmt.Println(<-out)
	}
	start := time.Now()
	time.Sleep(20 * time.Millisecond)
	fmt.Println("elapsed >= 20ms:", time.Since(start) >= 20*time.Millisecond)
	time.Sleep(0)
	time.Sleep(-5)
	fmt.Println(time.Duration(1500)*time.Millisecond, 90*time.Second, time.Duration(0), 2*time.Hour+3*time.Minute)
}
