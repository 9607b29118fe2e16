package main

for {}
