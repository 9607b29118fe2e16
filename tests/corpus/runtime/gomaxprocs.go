// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
)

func main() {
	want, _ := strconv.Atoi(os.Getenv("GOMAXPROCS"))
	fmt.Println("matches env:", runtime.GOMAXPROCS(0) == want)
	prev := runtime.GOMAXPROCS(3)
	fmt.Println("prev matches:", prev == want, "now:", runtime.GOMAXPROCS(0))
	runtime.GOMAXPROCS(1)
	fmt.Println("now:", runtime.GOMAXPROCS(0))
	fmt.Println(runtime.NumCPU() >= 1, runtime.GOOS, runtime.GOARCH != "")
}
