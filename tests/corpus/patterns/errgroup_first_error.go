// run GOMAXPROCS=1,2,4

package main

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

type Group struct {
	wg   sync.WaitGroup
	errs chan error
}

func NewGroup(n int) *Group {
	return &Group{errs: make(chan error, n)}
}

func (g *Group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil {
			g.errs <- err
		}
	}()
}

// Wait returns the first error sent, or nil.
func (g *Group) Wait() error {
	g.wg.Wait()
	close(g.errs)
	return <-g.errs // nil when the channel is closed and empty
}

func task(i int) func() error {
	return func() error {
		// Task 3 fails first; task 5 fails much later.
		switch i {
		case 3:
			time.Sleep(10 * time.Millisecond)
			return fmt.Errorf("task %d: %w", i, errBad)
		case 5:
			time.Sleep(150 * time.Millisecond)
			return fmt.Errorf("task %d: %w", i, errBad)
		}
		time.Sleep(time.Duration(i) * time.Millisecond)
		return nil
	}
}

var errBad = errors.New("bad input")

func main() {
	g := NewGroup(8)
	for i := 0; i < 8; i++ {
		g.Go(task(i))
	}
	err := g.Wait()
	fmt.Println("first error:", err)
	fmt.Println("is errBad:", errors.Is(err, errBad))

	ok := NewGroup(4)
	results := make([]int, 4)
	for i := range results {
		ok.Go(func() error {
			results[i] = i * 10
			return nil
		})
	}
	fmt.Println("no error:", ok.Wait(), results)

	// Count every error, not only the first.
	all := NewGroup(10)
	for i := 0; i < 10; i++ {
		all.Go(func() error {
			if i%3 == 0 {
				return fmt.Errorf("e%d", i)
			}
			return nil
		})
	}
	all.wg.Wait()
	close(all.errs)
	n := 0
	for range all.errs {
		n++
	}
	fmt.Println("errors:", n)
}
