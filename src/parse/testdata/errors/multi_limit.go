package main

func f1() { x := 1 2 }
func f2() { x := 1 2 }
func f3() { x := 1 2 }
func f4() { x := 1 2 }
func f5() { x := 1 2 }
func f6() { x := 1 2 }
func f7() { x := 1 2 }
func f8() { x := 1 2 }
func f9() { x := 1 2 }
func f10() { x := 1 2 }
func f11() { x := 1 2 }
func f12() { x := 1 2 }

func main() {}
