package main

var x = '\ud800'
