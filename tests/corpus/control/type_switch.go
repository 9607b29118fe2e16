// run

package main

import (
	"errors"
	"fmt"
)

type Point struct{ X, Y int }

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v (%T)", x, x)
	case string:
		return "string of len " + fmt.Sprint(len(x))
	case error:
		return "error: " + x.Error()
	case Point:
		return fmt.Sprintf("point %d", x.X+x.Y)
	case *Point:
		return fmt.Sprintf("point pointer %d", x.X)
	case []int:
		return fmt.Sprintf("slice %d", len(x))
	case func() int:
		return fmt.Sprint("func ", x())
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	vals := []any{nil, 1, int64(2), "hey", errors.New("bad"), Point{1, 2}, &Point{3, 4}, []int{1}, func() int { return 7 }, 2.5, struct{}{}}
	for _, v := range vals {
		fmt.Println(describe(v))
	}
	var e error
	switch e.(type) {
	case nil:
		fmt.Println("nil error interface")
	}
}
