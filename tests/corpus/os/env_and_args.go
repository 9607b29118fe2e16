// run

package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println(len(os.Args))
	os.Setenv("MINIGO_CORPUS_VAR", "value")
	fmt.Println(os.Getenv("MINIGO_CORPUS_VAR"))
	v, ok := os.LookupEnv("MINIGO_CORPUS_UNSET_VAR")
	fmt.Printf("%q %v\n", v, ok)
	fmt.Println(os.Getenv("MINIGO_CORPUS_UNSET_VAR") == "")
}
