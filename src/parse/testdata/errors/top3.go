package main

var x = 1 y
