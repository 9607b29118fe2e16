// run

package main

import "fmt"

type Account struct {
	Balance int
	log     []string
}

func (a *Account) Deposit(n int) func() {
	return func() {
		a.Balance += n
		a.log = append(a.log, fmt.Sprint("+", n))
	}
}

func main() {
	acct := &Account{}
	d1 := acct.Deposit(10)
	d2 := acct.Deposit(5)
	d1()
	d2()
	d1()
	fmt.Println(acct.Balance, acct.log)
	v := Account{Balance: 1}
	get := func() int { return v.Balance }
	v.Balance = 42
	fmt.Println(get())
	arr := [3]int{1, 2, 3}
	sum := func() int { return arr[0] + arr[1] + arr[2] }
	arr[0] = 100
	fmt.Println(sum())
}
