package loop

import (
	"errors"
	"testing"
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
