// Command floor measures what W1 costs with no interpreter at all: 100,000
// goroutines, each parked with iter.Pull (as asyncrun parks a task) and
// switched to 10 times, with their stacks grown to a given size first. It
// is the floor under asyncrun's W1 for that stack size: see bench/README.md.
//
//	go run ./bench/floor [2|4|8]    # stack KB per goroutine; default 8
package main

import (
	"fmt"
	"iter"
	"os"
	"time"

	"github.com/asyncrun/asyncrun/loop"
)

const (
	tasks    = 100000
	switches = 10
)

func main() {
	kb := 8
	if len(os.Args) > 1 {
		if _, err := fmt.Sscan(os.Args[1], &kb); err != nil || (kb != 2 && kb != 4 && kb != 8) {
			fmt.Fprintln(os.Stderr, "usage: floor [2|4|8]")
			os.Exit(2)
		}
	}
	start := time.Now()
	nexts := make([]func() (struct{}, bool), tasks)
	for i := range nexts {
		nexts[i], _ = iter.Pull(func(yield func(struct{}) bool) {
			loop.GrowStack(kb * 1024)
			for range switches {
				yield(struct{}{})
			}
		})
	}
	for range switches + 1 {
		for _, next := range nexts {
			next()
		}
	}
	fmt.Printf("floor: %d goroutines with %d KB stacks, %d switches each: %.2f s\n",
		tasks, kb, switches, time.Since(start).Seconds())
}
