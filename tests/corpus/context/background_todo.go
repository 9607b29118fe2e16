// run

package main

import (
	"context"
	"fmt"
)

type key string

func main() {
	bg := context.Background()
	todo := context.TODO()
	fmt.Println(bg, todo)
	fmt.Println(bg.(fmt.Stringer).String(), todo.(fmt.Stringer).String())
	fmt.Println("Err:", bg.Err(), "Done is nil:", bg.Done() == nil)
	d, ok := bg.Deadline()
	fmt.Println("Deadline:", d.IsZero(), ok)
	fmt.Println("Value:", bg.Value("x"))

	ctx, cancel := context.WithCancel(bg)
	fmt.Println(ctx)
	cancel()
	vctx := context.WithValue(bg, key("user"), "gopher")
	fmt.Println(vctx)
	fmt.Println(context.WithValue(todo, "k", 42))
	fmt.Println(context.WithoutCancel(vctx))
	fmt.Println(context.Canceled, context.DeadlineExceeded)
	fmt.Printf("%T %T\n", context.Canceled, context.DeadlineExceeded)
}
