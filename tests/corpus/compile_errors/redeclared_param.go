// errorcheck

package main

func f(x int) (r int) {
	var x int
	r := 2
	return x + r
}

func main() {
	g := func() {}
	h := func() {}
	switch g {
	case h:
	}
	f(1)
}
