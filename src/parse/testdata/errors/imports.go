package main

func f() {}

import "fmt"
