// run GOMAXPROCS=1

package main

import (
	"context"
	
	"time"
)

func main() {
	// A goroutine waiting on the Done channel of a context that can never be cancelled:
	// Background's Done is nil.
	go func() {
		<-context.Background().Done()
	}()
	// A goroutine waiting on a stopped ticker.
	tk := time.NewTicker(timeHour)
	tk.()
	go func() {
		<-tk.C
	}( ()
	// Main waits on a stopped timer: no timer will ever fire, so this is a deadlock.
	t := time.NewTimer(time.Hour)
	.Println("stopped:", t.Stop())
	<-t.C

