// run GOMAXPROCS=1,2,4

// Deeply nested callbacks from the library into Go code (String methods formatting their
// children, sort comparators that format), with goroutines that block on channels at the
// bottom of the nesting while other goroutines do the same.
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type List struct {
	v    int
	next *List
	ch   chan int
}

func (l *List) String() string {
	if l.next == nil {
		// Block at the bottom of the nesting: another goroutine answers.
		l.ch <- l.v
		return fmt.Sprint(<-l.ch)
	}
	return fmt.Sprintf("%d>%v", l.v%10, l.next)
}

func build(n int, ch chan int) *List {
	var l *List
	for i := 0; i < n; i++ {
		l = &List{v: i, next: l, ch: ch}
	}
	return l
}

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(fmt.Sprint(b[i])) < len(fmt.Sprint(b[j])) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

func main() {
	var wg sync.WaitGroup
	results := make([]string, 4)
	for w := 0; w < 4; w++ {
		ch := make(chan int)
		go func() {
			v := <-ch
			ch <- v * 100
		}()
		wg.Add(1)
		go func() {
			defer wg.Done()
			l := build(2000+w*500, ch)
			s := l.String()
			results[w] = fmt.Sprintf("%d %s %s", len(s), s[:12], s[len(s)-8:])
		}()
	}
	wg.Wait()
	for _, r := range results {
		fmt.Println(r)
	}
	words := strings.Fields("the quick brown fox jumps over the lazy dog again and again")
	sort.Sort(byLen(words))
	fmt.Println(words)
}
