// run

package main

import (
	"context"
	"fmt"
)

type ctxKey string
type otherKey string

type userKey struct{}

func handle(ctx context.Context) {
	fmt.Println("request id:", ctx.Value(ctxKey("request-id")))
	if u, ok := ctx.Value(userKey{}).(string); ok {
		fmt.Println("user:", u)
	} else {
		fmt.Println("no user")
	}
}

func main() {
	ctx := context.Background()
	handle(ctx)
	ctx = context.WithValue(ctx, ctxKey("request-id"), 42)
	ctx = context.WithValue(ctx, userKey{}, "gopher")
	handle(ctx)

	// Keys of different types never collide, even with equal underlying values.
	ctx = context.WithValue(ctx, otherKey("request-id"), "other")
	fmt.Println(ctx.Value(ctxKey("request-id")), ctx.Value(otherKey("request-id")), ctx.Value("request-id"))

	// Inner values shadow outer ones; the parent is unchanged.
	inner := context.WithValue(ctx, userKey{}, "admin")
	fmt.Println(inner.Value(userKey{}), ctx.Value(userKey{}))

	// Values survive cancellation and derived contexts.
	c, cancel := context.WithCancel(inner)
	cancel()
	fmt.Println(c.Value(userKey{}), c.Value(ctxKey("request-id")), c.Err())

	// A nil key panics; so does an uncomparable one.
	for _, k := range []any{nil, []int{1}} {
		func() {
			defer func() { fmt.Println("recovered:", recover()) }()
			context.WithValue(ctx, k, 1)
		}()
	}
}
