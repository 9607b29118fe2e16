// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type Broker struct {
	publish     chan string
	subscribe   chan chan string
	unsubscribe chan chan string
	stop        chan struct{}
	done        chan struct{}
}

func NewBroker() *Broker {
	return &Broker{
		publish:     make(chan string),
		subscribe:   make(chan chan string),
		unsubscribe: make(chan chan string),
		stop:        make(chan struct{}),
		done:        make(chan struct{}),
	}
}

func (b *Broker) Run() {
	subs := map[chan string]bool{}
	defer close(b.done)
	for {
		select {
		case s := <-b.subscribe:
			subs[s] = true
		case s := <-b.unsubscribe:
			delete(subs, s)
			close(s)
		case msg := <-b.publish:
			for s := range subs {
				s <- msg // subscribers have enough buffer
			}
		case <-b.stop:
			for s := range subs {
				close(s)
			}
			return
		}
	}
}

func (b *Broker) Subscribe() chan string {
	s := make(chan string, 16)
	b.subscribe <- s
	return s
}

func main() {
	b := NewBroker()
	go b.Run()

	var wg sync.WaitGroup
	var mu sync.Mutex
	got := map[string][]string{}
	listen := func(name string, s chan string) {
		defer wg.Done()
		for msg := range s {
			mu.Lock()
			got[name] = append(got[name], msg)
			mu.Unlock()
		}
	}
	a := b.Subscribe()
	c := b.Subscribe()
	wg.Add(2)
	go listen("a", a)
	go listen("c", c)

	b.publish <- "one"
	b.publish <- "two"
	b.unsubscribe <- a
	b.publish <- "three"
	d := b.Subscribe()
	wg.Add(1)
	go listen("d", d)
	b.publish <- "four"
	close(b.stop)
	<-b.done
	wg.Wait()

	names := make([]string, 0, len(got))
	for n := range got {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Printf("%s: %s\n", n, strings.Join(got[n], ","))
	}
}
