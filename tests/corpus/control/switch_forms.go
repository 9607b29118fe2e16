// run

package main

import "fmt"

func grade(score int) string {
	switch {
	case score >= 90:
		return "A"
	case score >= 80:
		return "B"
	default:
		return "F"
	}
}

func main() {
	for _, d := range []string{"sat", "mon", "sun", "xyz"} {
		switch d {
		case "sat", "sun":
			fmt.Println(d, "weekend")
		case "mon", "tue", "wed", "thu", "fri":
			fmt.Println(d, "weekday")
		default:
			fmt.Println(d, "unknown")
		}
	}
	fmt.Println(grade(95), grade(85), grade(10))
	switch x := 5; {
	case x > 3:
		fmt.Println("x > 3")
		fallthrough
	case x > 100:
		fmt.Println("fell through to x > 100")
		fallthrough
	case false:
		fmt.Println("and to false")
	case true:
		fmt.Println("not reached")
	}
	switch n := 7; n % 3 {
	case 0:
		fmt.Println("div by 3")
	case 1:
		fmt.Println("rem 1")
		if n > 5 {
			break
		}
		fmt.Println("not printed")
	}
	f := func() int { fmt.Println("evaluated once"); return 2 }
	switch f() {
	case 1:
		fmt.Println("one")
	case 2:
		fmt.Println("two")
	}
	switch {
	}
	fmt.Println("end")
}
