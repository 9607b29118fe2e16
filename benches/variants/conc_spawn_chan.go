// conc_spawn with a buffered channel instead of sync.WaitGroup (minigo has no WaitGroup yet).
package main

import "fmt"

const N = 1000000

func main() {
	done := make(chan bool, N)
	for i := 0; i < N; i++ {
		go func() {
			done <- true
		}()
	}
	for i := 0; i < N; i++ {
		<-done
	}
	fmt.Println("checksum:", N)
}
