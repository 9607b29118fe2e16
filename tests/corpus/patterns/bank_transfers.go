// run GOMAXPROCS=1,2,4

package main

import (
	"fmt"
	"sync"
)

type Account struct {
	id      int
	mu      sync.Mutex
	balance int
}

// transfer locks both accounts in id order, so concurrent opposite transfers cannot deadlock.
func transfer(from, to *Account, amount int) bool {
	first, second := from, to
	if to.id < from.id {
		first, second = to, from
	}
	first.mu.Lock()
	defer first.mu.Unlock()
	second.mu.Lock()
	defer second.mu.Unlock()
	if from.balance < amount {
		return false
	}
	from.balance -= amount
	to.balance += amount
	return true
}

func main() {
	accounts := make([]*Account, 6)
	for i := range accounts {
		accounts[i] = &Account{id: i, balance: 1000}
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	ok, refused := 0, 0
	for g := 0; g < 12; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 500; i++ {
				from := accounts[(g+i)%6]
				to := accounts[(g*7+i*3+1)%6]
				if from == to {
					continue
				}
				r := transfer(from, to, (g*i)%300+1)
				mu.Lock()
				if r {
					ok++
				} else {
					refused++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	total := 0
	negative := false
	for _, a := range accounts {
		total += a.balance
		negative = negative || a.balance < 0
	}
	fmt.Println("total preserved:", total, "any negative:", negative)
	fmt.Println("transfers attempted:", ok+refused)
}
