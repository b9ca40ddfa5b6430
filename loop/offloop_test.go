package loop

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

// TestRunOff: work run off the loop completes its future through the inbox;
// while it runs the loop neither reports a deadlock nor jumps virtual time.
func TestRunOff(t *testing.T) {
	l := New(Options{Clock: NewClock(true)})
	defer l.Close()
	release := make(chan struct{})
	f := NewFuture(l)
	l.RunOff(f, func() (any, error) {
		<-release
		return 42, nil
	})
	timer := NewFuture(l)
	l.CallLater(10, func() { timer.SetResult(l.Time()) })
	g := NewFuture(l)
	boom := errors.New("boom")
	l.RunOff(g, func() (any, error) { return nil, boom })
	if _, err := l.RunUntilComplete(g); err != boom {
		t.Fatalf("got %v, want %v", err, boom)
	}
	l.CallSoon(func() { close(release) })
	v, err := l.RunUntilComplete(f)
	if v != 42 || err != nil {
		t.Errorf("got %v, %v, want 42", v, err)
	}
	if now := l.Time(); now != 0 {
		t.Errorf("virtual time moved to %v while work was in flight, want 0", now)
	}
}

// TestVirtualTimeFlowsWhileWorkIsPending: under virtual time, while outside
// work is pending the clock does not jump to the next timer; it follows
// real time, so a timer whose delay is shorter than the work falls due
// first (a timeout around I/O fires), and the clock stands at its deadline.
func TestVirtualTimeFlowsWhileWorkIsPending(t *testing.T) {
	l := New(Options{Clock: NewClock(true)})
	defer l.Close()
	release := make(chan struct{})
	work := NewFuture(l)
	l.RunOff(work, func() (any, error) {
		<-release
		return "work", nil
	})
	var order []string
	timer := NewFuture(l)
	l.CallLater(0.05, func() {
		order = append(order, "timer")
		timer.SetResult(l.Time())
		close(release)
	})
	work.AddDoneCallback(func(*Future) { order = append(order, "work") }, nil)
	start := time.Now()
	v, err := l.RunUntilComplete(timer)
	if err != nil || v != 0.05 {
		t.Errorf("timer: got %v, %v, want 0.05", v, err)
	}
	if el := time.Since(start); el < 40*time.Millisecond {
		t.Errorf("the timer fell due after %v of real time, want about 50 ms", el)
	}
	if _, err := l.RunUntilComplete(work); err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(order); got != "[timer work]" {
		t.Errorf("got %s, want [timer work]", got)
	}
	if now := l.Time(); now != 0.05 {
		t.Errorf("clock at %v after the work, want 0.05", now)
	}
}
