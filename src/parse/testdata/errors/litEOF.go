package main

var x = [3]int{1, 2, 3