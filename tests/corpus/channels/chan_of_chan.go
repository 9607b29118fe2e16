// run GOMAXPROCS=1,2,4

package main

import "fmt"

type request struct {
	n     int
	reply chan int
}

func server(reqs <-chan request) {
	for r := range reqs {
		r.reply <- r.n * 10
	}
}

func main() {
	reqs := make(chan request)
	go server(reqs)
	for i := 1; i <= 3; i++ {
		rep := make(chan int)
		reqs <- request{i, rep}
		fmt.Println(<-rep)
	}
	close(reqs)
	funcs := make(chan func() string, 2)
	funcs <- func() string { return "first" }
	funcs <- func() string { return "second" }
	close(funcs)
	for f := range funcs {
		fmt.Println(f())
	}
	type pair struct{ a, b int }
	pc := make(chan pair, 1)
	pc <- pair{1, 2}
	p := <-pc
	fmt.Println(p.a + p.b)
}
