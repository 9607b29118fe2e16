// errorcheck

package main

const (
	a int8 = 1 << (iota * 4)
	b
	c
)

const d uint8 = 256
const e float32 = 1e39
const f int = 1.5
const g = uint8(255) + 1
const h byte = 'a' * 10
const i, j int8 = 127, 128

type T uint16

const k T = 1 << 16

func main() {}
