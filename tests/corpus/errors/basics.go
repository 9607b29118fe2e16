// run

package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

func find(key string) error {
	if key == "" {
		return ErrNotFound
	}
	return nil
}

func lookup(key string) error {
	if err := find(key); err != nil {
		return fmt.Errorf("lookup %q: %w", key, err)
	}
	return nil
}

func main() {
	err := lookup("")
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrNotFound), err == ErrNotFound)
	fmt.Println(errors.Unwrap(err) == ErrNotFound, errors.Unwrap(ErrNotFound))
	fmt.Println(lookup("x"))
	e1 := errors.New("same")
	e2 := errors.New("same")
	fmt.Println(e1 == e2, e1.Error() == e2.Error(), errors.Is(e1, e2))
	wrapped2 := fmt.Errorf("outer: %w", fmt.Errorf("middle: %w", ErrNotFound))
	fmt.Println(wrapped2, errors.Is(wrapped2, ErrNotFound))
	notWrapped := fmt.Errorf("just text: %v", ErrNotFound)
	fmt.Println(notWrapped, errors.Is(notWrapped, ErrNotFound), errors.Unwrap(notWrapped))
	fmt.Println(errors.Is(nil, ErrNotFound), errors.Is(nil, nil))
	joined := errors.Join(errors.New("a"), nil, errors.New("b"))
	fmt.Println(joined)
	fmt.Println(errors.Join(nil, nil) == nil)
	multi := fmt.Errorf("both: %w and %w", ErrNotFound, e1)
	fmt.Println(multi, errors.Is(multi, e1), errors.Is(multi, ErrNotFound))
}
