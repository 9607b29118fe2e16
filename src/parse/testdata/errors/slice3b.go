package main

var y []int
var _ = y[::3]
