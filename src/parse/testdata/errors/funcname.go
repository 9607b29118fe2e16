package main

func 1() {}
