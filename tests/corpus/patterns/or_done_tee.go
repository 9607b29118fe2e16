// run GOMAXPROCS=1,2,4

package main

import "fmt"

func orDone(done <-chan struct{}, c <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for {
			select {
			case <-done:
				return
			case v, ok := <-c:
				if !ok {
					return
				}
				select {
				case out <- v:
				case <-done:
					return
				}
			}
		}
	}()
	return out
}

// tee sends every value of in to both outputs.
func tee(done <-chan struct{}, in <-chan int) (<-chan int, <-chan int) {
	out1, out2 := make(chan int), make(chan int)
	go func() {
		defer close(out1)
		defer close(out2)
		for v := range orDone(done, in) {
			o1, o2 := out1, out2
			for i := 0; i < 2; i++ {
				select {
				case o1 <- v:
					o1 = nil
				case o2 <- v:
					o2 = nil
				}
			}
		}
	}()
	return out1, out2
}

func repeat(done <-chan struct{}, vals ...int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for {
			for _, v := range vals {
				select {
				case out <- v:
				case <-done:
					return
				}
			}
		}
	}()
	return out
}

func take(done <-chan struct{}, in <-chan int, n int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 0; i < n; i++ {
			select {
			case v := <-in:
				out <- v
			case <-done:
				return
			}
		}
	}()
	return out
}

func main() {
	done := make(chan struct{})
	a, b := tee(done, take(done, repeat(done, 1, 2, 3), 7))
	for v := range a {
		fmt.Println("a:", v, "b:", <-b)
	}
	close(done)

	// orDone stops forwarding when done closes, even if the source never closes.
	done2 := make(chan struct{})
	src := repeat(done2, 9)
	n := 0
	for range orDone(done2, src) {
		n++
		if n == 5 {
			close(done2)
			break
		}
	}
	fmt.Println("took", n, "from an endless source")
}
