// run

package main

type MyErr struct{ code int }

func (e MyErr) Error() string { return "my error" }

type Str string

func main() {
	defer func() {
		defer func() {
			defer func() {
				panic(Str("custom string type"))
			}()
			panic(MyErr{1})
		}()
		panic(3.5)
	}()
	panic(42)
}
