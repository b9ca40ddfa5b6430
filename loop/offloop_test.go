package loop

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

// TestRunOff: work run off the loop completes its future through the inbox;
// while it runs the loop neither reports a deadlock nor jumps virtual time
// (it follows real time: see TestVirtualTimeFlowsWhileWorkIsPending).
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
	if now := l.Time(); now >= 10 {
		t.Errorf("virtual time jumped to %v while work was in flight, want it before the timer at 10", now)
	}
}

// TestVirtualTimeFlowsWhileWorkIsPending: under virtual time, while outside
// work is pending and a timer is set, the clock does not jump to the
// timer; it follows real time, so a timer whose delay is shorter than the
// work falls due first (a timeout around I/O fires), and a timer made
// after a while of pending work is due its whole delay later; once no
// work is pending the clock stands still again.
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
	})
	work.AddDoneCallback(func(*Future) { order = append(order, "work") }, nil)
	start := time.Now()
	v, err := l.RunUntilComplete(timer)
	if err != nil || v.(float64) < 0.05 || v.(float64) > 1 {
		t.Errorf("timer: got %v, %v, want about 0.05", v, err)
	}
	if el := time.Since(start); el < 40*time.Millisecond {
		t.Errorf("the timer fell due after %v of real time, want about 50 ms", el)
	}
	// Time flows while the work is pending, with no timer set: a timer
	// made later is due its whole delay after it was made.
	time.Sleep(100 * time.Millisecond)
	second := NewFuture(l)
	made := time.Now()
	l.CallLater(0.05, func() { second.SetResult(nil) })
	l.RunUntilComplete(second)
	if el := time.Since(made); el < 40*time.Millisecond {
		t.Errorf("a timer made after pending work fell due after %v, want about 50 ms", el)
	}
	close(release)
	if _, err := l.RunUntilComplete(work); err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(order); got != "[timer work]" {
		t.Errorf("got %s, want [timer work]", got)
	}
	now := l.Time()
	l.CallLater(1000, func() {})
	f := NewFuture(l)
	l.CallLater(2000, func() { f.SetResult(nil) })
	jump := time.Now()
	l.RunUntilComplete(f)
	if el, moved := time.Since(jump), l.Time()-now; el > time.Second || moved < 2000 || moved > 2000.5 {
		t.Errorf("after the work, the clock moved %v in %v, want a jump of 2000 at once", moved, el)
	}
}
