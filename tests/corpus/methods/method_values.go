// run

package main

import "fmt"

type Counter struct{ n int }

func (c *Counter) Inc() int { c.n++; return c.n }
func (c Counter) Get() int  { return c.n }

type Op int

func (o Op) Apply(x int) int { return x * int(o) }

func main() {
	c := &Counter{}
	inc := c.Inc // method value binds c
	inc()
	inc()
	fmt.Println(c.n)
	v := Counter{n: 10}
	get := v.Get // receiver copied now
	v.n = 20
	fmt.Println(get(), v.Get())
	f := (*Counter).Inc // method expression
	fmt.Println(f(c), c.n)
	g := Counter.Get
	fmt.Println(g(v))
	h := (*Counter).Get
	fmt.Println(h(c))
	triple := Op(3).Apply
	fmt.Println(triple(7))
	ops := []func(int) int{Op(2).Apply, Op(5).Apply}
	for _, op := range ops {
		fmt.Print(op(10), " ")
	}
	fmt.Println()
	fmt.Printf("%T\n%T\n", f, g)
}
