package main

func main() {
	select {
	case <-c: f() default:
	}
}
