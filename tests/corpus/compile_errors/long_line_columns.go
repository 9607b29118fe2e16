// errorcheck

// cmd/compile keeps 8 bits of column: from column 255 on, positions print without a column
// and sort after every smaller column of their line, in report order.
package main

func main() {
	var y int;                                                                                                                                                                                                                                                          z := 1
	var w int; q := "a" +                                                                                                                                                                                                                                                           w
	var a, b int                                                                                                                                                                                                                                                          ; c := a + "x" + b
}
