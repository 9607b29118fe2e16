package main

var x []
