package loop

import (
	"math"
	"sync/atomic"
	"time"
)

// Clock is a loop's source of time. A real clock follows the monotonic clock
// of the machine; a virtual clock stands still while callbacks run and jumps
// to the next timer when the loop has nothing else to do, so that sleeps
// return at once and programs are deterministic. While outside work is
// pending (I/O, a host call) and a timer is set, a virtual clock does not
// jump: it flows, following real time, until the loop is idle with no
// outside work pending again (see Loop's idle).
//
// Now and Wall may be called from any goroutine. One clock may be shared by
// several loops (an interpreter's loops share one).
type Clock struct {
	virtual bool
	start   time.Time // wall and monotonic origin

	now  atomic.Uint64        // virtual seconds since start, as math.Float64bits
	flow atomic.Pointer[flow] // set while the virtual clock follows real time
}

// flow is a virtual clock following real time: it reads base seconds at
// the real time since.
type flow struct {
	since time.Time
	base  float64
}

// NewClock returns a real clock when virtual is false, and a virtual clock
// starting at the current wall time otherwise.
func NewClock(virtual bool) *Clock {
	return &Clock{virtual: virtual, start: time.Now()}
}

// Virtual reports whether the clock is virtual.
func (c *Clock) Virtual() bool { return c.virtual }

// Now returns the seconds since the clock was made.
func (c *Clock) Now() float64 {
	if !c.virtual {
		return time.Since(c.start).Seconds()
	}
	if f := c.flow.Load(); f != nil {
		return f.base + time.Since(f.since).Seconds()
	}
	return math.Float64frombits(c.now.Load())
}

// startFlow makes a virtual clock follow real time from now on.
func (c *Clock) startFlow() {
	if c.flow.Load() == nil {
		c.flow.Store(&flow{since: time.Now(), base: c.Now()})
	}
}

// stopFlow makes a virtual clock that follows real time stand still at
// the time it reads.
func (c *Clock) stopFlow() {
	if c.flow.Load() != nil {
		c.advance(c.Now())
		c.flow.Store(nil)
	}
}

// Wall returns the wall-clock time the clock stands at: the time the clock
// was made plus Now.
func (c *Clock) Wall() time.Time {
	if !c.virtual {
		return time.Now()
	}
	secs, frac := math.Modf(c.Now())
	return c.start.Add(time.Duration(secs) * time.Second).Add(time.Duration(frac * float64(time.Second)))
}

// advance moves a virtual clock forward to t; it never moves it back.
func (c *Clock) advance(t float64) {
	for {
		old := c.now.Load()
		if t <= math.Float64frombits(old) || c.now.CompareAndSwap(old, math.Float64bits(t)) {
			return
		}
	}
}
