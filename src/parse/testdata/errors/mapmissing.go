package main

var m = map[string]int{"a": 1 "b": 2}
