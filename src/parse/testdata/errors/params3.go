package main

func f(a, b int, c) {}
