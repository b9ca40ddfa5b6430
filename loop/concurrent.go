package loop

import (
	"sync"
	"time"
)

// ConcurrentFuture is a future that any goroutine may wait on, like Python's
// concurrent.futures.Future. RunCoroutineThreadsafe returns one. All its
// methods may be called from any goroutine.
type ConcurrentFuture struct {
	mu        sync.Mutex
	done      chan struct{}
	state     State
	running   bool
	result    any
	err       error
	callbacks []func(*ConcurrentFuture)
	onCancel  func()
	// completedOn is the loop on whose goroutine Chain completed the
	// future, or nil.
	completedOn *Loop
}

// CompletedOn returns the loop on whose goroutine the future was completed,
// when Chain completed it there, or nil. A done callback can tell from it
// that it runs on that loop's goroutine, between the loop's callbacks, and
// so may run code of that loop at once, as CPython's callbacks of a
// concurrent future run in the thread that completes it.
func (c *ConcurrentFuture) CompletedOn() *Loop {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.completedOn
}

// NewConcurrentFuture returns a pending concurrent future.
func NewConcurrentFuture() *ConcurrentFuture {
	return &ConcurrentFuture{done: make(chan struct{})}
}

// Done reports whether the future finished or was cancelled.
func (c *ConcurrentFuture) Done() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.state != Pending
}

// Cancelled reports whether the future was cancelled.
func (c *ConcurrentFuture) Cancelled() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.state == Cancelled
}

// DoneChan returns a channel closed when the future is done.
func (c *ConcurrentFuture) DoneChan() <-chan struct{} { return c.done }

// Wait blocks until the future is done or timeout passes (a negative timeout
// means no limit) and reports whether it is done.
func (c *ConcurrentFuture) Wait(timeout time.Duration) bool {
	if timeout < 0 {
		<-c.done
		return true
	}
	select {
	case <-c.done:
		return true
	default:
	}
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case <-c.done:
		return true
	case <-t.C:
		return false
	}
}

// Result waits as Wait does and returns the result, the error the future
// finished with, a CancelledError, or a TimeoutError if it is not done in
// time.
func (c *ConcurrentFuture) Result(timeout time.Duration) (any, error) {
	if !c.Wait(timeout) {
		return nil, &Error{Kind: TimeoutError}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.state == Cancelled {
		return nil, &CancelledError{}
	}
	return c.result, c.err
}

// Exception is Result's error alone: the error the future finished with (nil
// after a result), and separately a CancelledError or TimeoutError.
func (c *ConcurrentFuture) Exception(timeout time.Duration) (error, error) {
	_, err := c.Result(timeout)
	if err == nil {
		return nil, nil
	}
	if e, ok := err.(*Error); ok && e.Kind == TimeoutError {
		c.mu.Lock()
		pending := c.state == Pending
		c.mu.Unlock()
		if pending {
			return nil, err
		}
	}
	if _, ok := err.(*CancelledError); ok && c.Cancelled() {
		return nil, err
	}
	return err, nil
}

// Cancel cancels the future unless it is done or already running, and
// reports whether it is cancelled.
func (c *ConcurrentFuture) Cancel() bool { return c.cancel(nil) }

func (c *ConcurrentFuture) cancel(on *Loop) bool {
	c.mu.Lock()
	if c.state == Cancelled {
		c.mu.Unlock()
		return true
	}
	if c.running || c.state == Finished {
		c.mu.Unlock()
		return false
	}
	c.state, c.completedOn = Cancelled, on
	onCancel := c.onCancel
	c.mu.Unlock()
	c.finish()
	if onCancel != nil {
		onCancel()
	}
	return true
}

// AddDoneCallback calls fn(c) when the future is done: at once, on the
// calling goroutine, if it is done already; otherwise on the goroutine that
// completes it.
func (c *ConcurrentFuture) AddDoneCallback(fn func(*ConcurrentFuture)) {
	c.mu.Lock()
	if c.state == Pending {
		c.callbacks = append(c.callbacks, fn)
		c.mu.Unlock()
		return
	}
	c.mu.Unlock()
	fn(c)
}

// SetResult finishes the future with v; it does nothing if it is done.
func (c *ConcurrentFuture) SetResult(v any) { c.set(v, nil, nil) }

// SetException finishes the future with err; it does nothing if it is done.
func (c *ConcurrentFuture) SetException(err error) { c.set(nil, err, nil) }

func (c *ConcurrentFuture) set(v any, err error, on *Loop) {
	c.mu.Lock()
	if c.state != Pending {
		c.mu.Unlock()
		return
	}
	c.state, c.result, c.err, c.completedOn = Finished, v, err, on
	c.mu.Unlock()
	c.finish()
}

func (c *ConcurrentFuture) finish() {
	close(c.done)
	c.mu.Lock()
	cbs := c.callbacks
	c.callbacks = nil
	c.mu.Unlock()
	for _, fn := range cbs {
		fn(c)
	}
}

// RunCoroutineThreadsafe asks the loop, from any goroutine, to call start on
// its own goroutine and returns a concurrent future that follows the future
// start returns (normally a new Task). Cancelling the concurrent future
// cancels that future. If start fails, or the loop is closed, the concurrent
// future holds the error.
func (l *Loop) RunCoroutineThreadsafe(start func() (*Future, error)) *ConcurrentFuture {
	c := NewConcurrentFuture()
	_, err := l.CallSoonThreadsafe(func() {
		// Even if c was cancelled meanwhile, the task is made and takes
		// its first step before the cancellation reaches it, as in CPython.
		src, err := start()
		if err != nil {
			c.SetException(err)
			return
		}
		Chain(src, c)
	})
	if err != nil {
		c.SetException(err)
	}
	return c
}

// Chain makes c follow src, as CPython's futures._chain_future: when src is
// done, c gets its outcome; cancelling c cancels src (through the loop's
// inbox). Call it on the goroutine acting for src's loop.
func Chain(src *Future, c *ConcurrentFuture) {
	l := src.loop
	c.mu.Lock()
	c.onCancel = func() { l.CallSoonThreadsafe(func() { src.Cancel(nil) }) }
	cancelled := c.state == Cancelled
	c.mu.Unlock()
	if cancelled {
		c.onCancel()
	}
	src.AddDoneCallback(func(f *Future) {
		switch {
		case f.Cancelled():
			c.cancel(l)
		case f.err != nil:
			f.logTraceback = false
			c.set(nil, f.err, l)
		default:
			c.set(f.result, nil, l)
		}
	}, nil)
}
