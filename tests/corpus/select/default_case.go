// run GOMAXPROCS=1,2,4

package main

import "fmt"

func main() {
	ch := make(chan int, 1)
	select {
	case v := <-ch:
		fmt.Println("received", v)
	default:
		fmt.Println("no value ready")
	}
	ch <- 5
	select {
	case v := <-ch:
		fmt.Println("received", v)
	default:
		fmt.Println("no value ready")
	}
	ch <- 1
	select {
	case ch <- 2:
		fmt.Println("sent")
	default:
		fmt.Println("buffer full")
	}
	<-ch
	select {
	case ch <- 2:
		fmt.Println("sent")
	default:
		fmt.Println("buffer full")
	}
	var nilCh chan int
	select {
	case <-nilCh:
		fmt.Println("never")
	case nilCh <- 1:
		fmt.Println("never")
	default:
		fmt.Println("nil channels are never ready")
	}
	select {
	default:
		fmt.Println("only default")
	}
	tries := 0
	for {
		select {
		case v := <-ch:
			fmt.Println("got", v, "after", tries > 0)
			return
		default:
			tries++
		}
	}
}
