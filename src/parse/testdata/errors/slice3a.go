package main

var y []int
var _ = y[1:2:]
