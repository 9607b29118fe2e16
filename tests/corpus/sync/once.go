// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"sync"
)

var (
	config     map[string]string
	configOnce sync.Once
	loads      int
)

func loadConfig() {
	loads++
	config = map[string]string{"mode": "fast", "level": "3"}
}

func getConfig() map[string]string {
	configOnce.Do(loadConfig)
	return config
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = getConfig()["mode"]
		}()
	}
	wg.Wait()
	fmt.Println("loads:", loads, "config:", getConfig())

	// Do with a different function does nothing once the Once has run.
	var once sync.Once
	once.Do(func() { fmt.Println("first") })
	once.Do(func() { fmt.Println("second") })

	// A panicking function still counts as done.
	var p sync.Once
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		p.Do(func() { panic("boom in Do") })
	}()
	ran := false
	p.Do(func() { ran = true })
	fmt.Println("ran after panic:", ran)

	// Concurrent callers all wait until the first call finishes.
	var slow sync.Once
	value := 0
	results := make(chan int, 10)
	for i := 0; i < 10; i++ {
		go func() {
			slow.Do(func() {
				for j := 0; j < 1000; j++ {
					value++
				}
			})
			results <- value
		}()
	}
	for i := 0; i < 10; i++ {
		if v := <-results; v != 1000 {
			fmt.Println("saw partial value", v)
		}
	}
	fmt.Println("every caller saw", value)
}
