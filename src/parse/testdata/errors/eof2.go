package main

func main() {