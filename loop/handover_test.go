package loop

import (
	"iter"
	"sync"
	"testing"
)

// The hand-over between the loop's goroutine and a task's goroutine is the
// runtime's hottest path. These benchmarks measure one round trip (loop ->
// task -> loop) for the candidates; Task uses iter.Pull, the fastest here
// (see the README's performance section for the figures).

func BenchmarkHandoverIterPull(b *testing.B) {
	next, stop := iter.Pull(func(yield func(struct{}) bool) {
		for yield(struct{}{}) {
		}
	})
	defer stop()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		next()
	}
}

func BenchmarkHandoverChannels(b *testing.B) {
	resume, suspended := make(chan struct{}), make(chan struct{})
	go func() {
		for range resume {
			suspended <- struct{}{}
		}
	}()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		resume <- struct{}{}
		<-suspended
	}
	close(resume)
}

func BenchmarkHandoverCond(b *testing.B) {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	turn := 0 // 0: loop runs, 1: task runs, 2: done
	go func() {
		mu.Lock()
		for {
			for turn == 0 {
				cond.Wait()
			}
			if turn == 2 {
				mu.Unlock()
				return
			}
			turn = 0
			cond.Broadcast()
		}
	}()
	b.ResetTimer()
	mu.Lock()
	for i := 0; i < b.N; i++ {
		turn = 1
		cond.Broadcast()
		for turn == 1 {
			cond.Wait()
		}
	}
	turn = 2
	cond.Broadcast()
	mu.Unlock()
}
