package loop

import (
	"fmt"
	"io"
	"math"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

// clockResolution is added to the loop time when deciding which timers are
// due, as CPython does with time.get_clock_info('monotonic').resolution.
const clockResolution = 1e-9

// SlowCallbackDuration is how long a callback or task step may run before a
// loop in debug mode reports it, as CPython's loop.slow_callback_duration.
const SlowCallbackDuration = 100 * time.Millisecond

// Options configure a new Loop. The zero value is a real-time loop that
// reports errors on os.Stderr.
type Options struct {
	// Clock is the loop's clock; nil means a new real clock.
	Clock *Clock
	// Stderr receives the default exception handler's reports; nil means
	// os.Stderr.
	Stderr io.Writer
	// Debug turns on debug mode (see SetDebug).
	Debug bool
	// Tracer, if not nil, receives the loop's events (see Tracer).
	Tracer Tracer
}

// ExceptionContext describes an error the loop cannot hand to anyone, such as
// a panic-free failure of a callback reported by the embedding layer, or an
// exception no one retrieved.
type ExceptionContext struct {
	Message string
	Err     error
	Handle  *Handle
	Future  *Future
	// Warning marks a report that CPython logs as a warning rather than
	// hands to the exception handler: a slow callback in debug mode, which
	// took Elapsed.
	Warning bool
	Elapsed time.Duration
}

// Loop is an event loop. See the package documentation for which goroutine
// may call what.
type Loop struct {
	clock  *Clock
	stderr io.Writer

	ready      queue
	timers     timerHeap
	timerSeq   uint64
	cancelledT int // cancelled handles still in the timer heap

	inboxMu  sync.Mutex
	inbox    []*Handle
	inboxLen atomic.Int32 // len(inbox), read without the lock
	wake     chan struct{}
	external atomic.Int64

	running  bool
	stopping bool
	closed   bool
	debug    bool

	current     *Task
	tasks       taskList  // unfinished tasks, in creation order
	freeSteps   []*Handle // recycled handles of task steps and done callbacks
	idleWorkers []*worker // goroutines that ran a task and wait for another
	failed      []*Future

	handler func(ExceptionContext)
	tracer  Tracer

	// Value is free for the embedding layer, which keeps its wrapper of the
	// loop here.
	Value any
}

// New returns a loop with the given options.
func New(opts Options) *Loop {
	l := &Loop{clock: opts.Clock, stderr: opts.Stderr, debug: opts.Debug, tracer: opts.Tracer, wake: make(chan struct{}, 1)}
	if l.clock == nil {
		l.clock = NewClock(false)
	}
	if l.stderr == nil {
		l.stderr = os.Stderr
	}
	return l
}

// Clock returns the loop's clock.
func (l *Loop) Clock() *Clock { return l.clock }

// Time returns the loop's current time in seconds, as loop.time().
func (l *Loop) Time() float64 { return l.clock.Now() }

// IsRunning reports whether RunForever or RunUntilComplete is in progress.
func (l *Loop) IsRunning() bool { return l.running }

// IsClosed reports whether Close was called.
func (l *Loop) IsClosed() bool { return l.closed }

// Debug reports whether debug mode is on.
func (l *Loop) Debug() bool { return l.debug }

// SetDebug turns debug mode on or off. In debug mode the loop reports
// callbacks and task steps that take longer than SlowCallbackDuration.
func (l *Loop) SetDebug(on bool) { l.debug = on }

// CurrentTask returns the task being stepped, or nil.
func (l *Loop) CurrentTask() *Task { return l.current }

// Tasks returns the unfinished tasks of the loop, in creation order.
func (l *Loop) Tasks() []*Task { return l.tasks.slice() }

// TaskCount returns how many tasks of the loop are unfinished.
func (l *Loop) TaskCount() int { return l.tasks.n }

// SetExceptionHandler replaces the handler of errors nobody else can take; nil
// restores the default, which writes the message and error to the loop's
// stderr.
func (l *Loop) SetExceptionHandler(fn func(ExceptionContext)) { l.handler = fn }

// CallExceptionHandler reports an error through the loop's handler.
func (l *Loop) CallExceptionHandler(ctx ExceptionContext) {
	if l.handler != nil {
		l.handler(ctx)
		return
	}
	msg := ctx.Message
	if ctx.Err != nil {
		msg += "\n" + ctx.Err.Error()
	}
	fmt.Fprintln(l.stderr, msg)
}

func (l *Loop) checkClosed() error {
	if l.closed {
		return errorf(RuntimeError, "Event loop is closed")
	}
	return nil
}

// CallSoon schedules fn to run on the next iteration, after the callbacks
// already scheduled. It fails only when the loop is closed.
func (l *Loop) CallSoon(fn func()) (*Handle, error) {
	if err := l.checkClosed(); err != nil {
		return nil, err
	}
	h := &Handle{loop: l, fn: fn}
	l.ready.push(h)
	return h, nil
}

// callSoonStep schedules a step of t, throwing err into it when not nil.
func (l *Loop) callSoonStep(t *Task, err error) {
	h := l.internalHandle()
	h.task, h.stepErr = t, err
	l.ready.push(h)
}

// callSoonFuture schedules fn(f), the way done callbacks are run; key is
// the callback's key, kept in the handle's Value for a Tracer.
func (l *Loop) callSoonFuture(fn func(*Future), f *Future, key any) {
	h := l.internalHandle()
	h.ffn, h.farg, h.Value = fn, f, key
	l.ready.push(h)
}

// internalHandle returns a handle for a task step or a done callback. Those
// never reach users (a Tracer or a slow-callback report sees them only
// while they run), so they are recycled: when a future wakes many tasks
// that then end, their done callbacks reuse the handles of the wakeups.
func (l *Loop) internalHandle() *Handle {
	if n := len(l.freeSteps); n > 0 {
		h := l.freeSteps[n-1]
		l.freeSteps[n-1] = nil
		l.freeSteps = l.freeSteps[:n-1]
		return h
	}
	return &Handle{loop: l, recycle: true}
}

// CallLater schedules fn to run delay seconds from now (a negative delay
// puts the deadline in the past). Timers with equal deadlines run in the
// order they were made.
func (l *Loop) CallLater(delay float64, fn func()) (*Handle, error) {
	if math.IsNaN(delay) {
		return nil, errorf(ValueError, "call_later: delay is NaN")
	}
	return l.CallAt(l.Time()+delay, fn)
}

// CallAt schedules fn to run at loop time when.
func (l *Loop) CallAt(when float64, fn func()) (*Handle, error) {
	if err := l.checkClosed(); err != nil {
		return nil, err
	}
	if math.IsNaN(when) {
		return nil, errorf(ValueError, "call_at: when is NaN")
	}
	l.timerSeq++
	h := &Handle{loop: l, fn: fn, when: when, seq: l.timerSeq, scheduled: true}
	l.timers.push(h)
	return h, nil
}

func (l *Loop) timerCancelled() { l.cancelledT++ }

// CallSoonThreadsafe schedules fn from any goroutine and wakes the loop. The
// callback joins the ready queue at the start of the loop's next iteration.
func (l *Loop) CallSoonThreadsafe(fn func()) (*Handle, error) {
	h := &Handle{loop: l, fn: fn}
	l.inboxMu.Lock()
	if l.closed {
		l.inboxMu.Unlock()
		return nil, errorf(RuntimeError, "Event loop is closed")
	}
	l.inbox = append(l.inbox, h)
	l.inboxLen.Store(int32(len(l.inbox)))
	l.inboxMu.Unlock()
	l.notify()
	return h, nil
}

func (l *Loop) notify() {
	select {
	case l.wake <- struct{}{}:
	default:
	}
}

// AddExternal records one piece of outside work (a host call on another
// goroutine, say) that will post to the loop with CallSoonThreadsafe. While
// any is pending, the loop waits for it rather than report a deadlock, and a
// virtual clock does not jump ahead. It may be called from any goroutine.
func (l *Loop) AddExternal() { l.external.Add(1) }

// DoneExternal ends one piece of outside work recorded by AddExternal. It may
// be called from any goroutine.
func (l *Loop) DoneExternal() {
	l.external.Add(-1)
	l.notify()
}

func (l *Loop) drainInbox() {
	if l.inboxLen.Load() == 0 {
		return // the common case, without the lock
	}
	l.inboxMu.Lock()
	in := l.inbox
	l.inbox = nil
	l.inboxLen.Store(0)
	l.inboxMu.Unlock()
	for _, h := range in {
		l.ready.push(h)
	}
}

func (l *Loop) inboxEmpty() bool { return l.inboxLen.Load() == 0 }

// Stop makes RunForever return after the callbacks of the current iteration.
// Called before RunForever, it makes the next run do one iteration.
func (l *Loop) Stop() { l.stopping = true }

func (l *Loop) checkRunnable() error {
	if err := l.checkClosed(); err != nil {
		return err
	}
	if l.running {
		return errorf(RuntimeError, "This event loop is already running")
	}
	return nil
}

// RunForever runs the loop until Stop is called.
func (l *Loop) RunForever() error {
	if err := l.checkRunnable(); err != nil {
		return err
	}
	return l.run(false)
}

func (l *Loop) run(detectDeadlock bool) error {
	l.running = true
	defer func() { l.running, l.stopping = false, false }()
	for {
		if err := l.runOnce(detectDeadlock); err != nil {
			return err
		}
		if l.stopping {
			return nil
		}
	}
}

// RunUntilComplete runs the loop until f is done and returns its result. When
// f can never complete (see DeadlockError) it returns an error at once rather
// than wait forever.
func (l *Loop) RunUntilComplete(f *Future) (any, error) {
	if err := l.checkRunnable(); err != nil {
		return nil, err
	}
	if f.loop != l {
		return nil, errorf(ValueError, "The future belongs to a different loop than the one specified as the loop argument")
	}
	key := new(byte)
	f.AddDoneCallback(func(*Future) { l.Stop() }, key)
	err := l.run(true)
	f.RemoveDoneCallback(func(k any) bool { return k == key })
	if err != nil {
		return nil, err
	}
	if !f.Done() {
		return nil, errorf(RuntimeError, "Event loop stopped before Future completed.")
	}
	return f.Result()
}

// runOnce is one iteration, as CPython's BaseEventLoop._run_once: wait for
// something to do, move due timers to the ready queue, then run the callbacks
// that were ready when the iteration began.
func (l *Loop) runOnce(detectDeadlock bool) error {
	for len(l.timers) > 0 && l.timers[0].cancelled {
		l.timers.pop().scheduled = false
		l.cancelledT--
	}
	l.drainInbox()
	if l.ready.len() == 0 && !l.stopping {
		if err := l.idle(detectDeadlock); err != nil {
			return err
		}
	}
	if len(l.timers) > 0 {
		l.dueTimers()
	}
	for n := l.ready.len(); n > 0; n-- {
		h := l.ready.pop()
		if h.cancelled {
			continue
		}
		switch {
		case l.tracer != nil:
			l.runTraced(h)
		case l.debug:
			l.runTimed(h)
		default:
			h.run()
		}
		if h.recycle && len(l.freeSteps) < 1024 {
			h.task, h.stepErr, h.ffn, h.farg, h.Value = nil, nil, nil, nil, nil
			l.freeSteps = append(l.freeSteps, h)
		}
	}
	return nil
}

// dueTimers moves the timers that are due to the ready queue. A timer is
// due when its deadline is within the clock's resolution of now, as in
// CPython, or at now or before: at large loop times (virtual years) adding
// the resolution to now changes nothing.
func (l *Loop) dueTimers() {
	now := l.Time()
	end := now + clockResolution
	for len(l.timers) > 0 {
		h := l.timers[0]
		if h.when >= end && h.when > now {
			break
		}
		l.timers.pop()
		h.scheduled = false
		if h.cancelled {
			l.cancelledT--
			continue
		}
		l.ready.push(h)
	}
}

// maxIdleWait bounds one wait of a real-time loop for its next timer: a
// deadline days away (sleep(1e10)) is reached in several waits instead of
// a duration that overflows.
const maxIdleWait = time.Hour

// idle waits until the loop has something to do: a timer falls due, the
// inbox gets a callback, or outside work ends. A timer at +Inf (sleep(inf),
// the "sleep forever" idiom) never falls due: it counts as no timer.
//
// A virtual clock jumps to the next timer only when no outside work is
// pending. While some is (I/O in flight, a host call) and a timer is set,
// it does not jump: it flows, following real time, so that the timer falls
// due after as much real time as its delay (a timeout around I/O fires);
// it stands still again once the loop is idle with no outside work
// pending. Outside work with no timer set leaves it standing still.
func (l *Loop) idle(detectDeadlock bool) error {
	for {
		hasTimer := len(l.timers) > 0 && !math.IsInf(l.timers[0].when, 1)
		ext := l.external.Load() > 0
		if !ext {
			l.clock.stopFlow()
		}
		if !hasTimer && !ext && detectDeadlock && l.inboxEmpty() {
			return &DeadlockError{Pending: l.Tasks()}
		}
		if hasTimer && l.clock.virtual && !ext {
			if !l.inboxEmpty() {
				l.drainInbox()
				return nil
			}
			l.clock.advance(l.timers[0].when)
			return nil
		}
		if hasTimer && l.clock.virtual {
			if l.waitFlowing() {
				return nil
			}
			continue
		}
		if hasTimer && !l.clock.virtual {
			secs := l.timers[0].when - l.Time()
			if secs <= 0 {
				return nil
			}
			l.waitWake(secs)
		} else {
			<-l.wake
		}
		if !l.inboxEmpty() {
			l.drainInbox()
			return nil
		}
		if hasTimer && !l.clock.virtual {
			return nil
		}
	}
}

// waitWake waits secs seconds, at most maxIdleWait, or until the loop is
// woken, and reports whether it was woken.
func (l *Loop) waitWake(secs float64) bool {
	wait := maxIdleWait
	if secs < wait.Seconds() {
		wait = time.Duration(secs * float64(time.Second))
	}
	t := time.NewTimer(wait)
	select {
	case <-l.wake:
		t.Stop()
		return true
	case <-t.C:
		return false
	}
}

// waitFlowing is idle's wait of a virtual clock while outside work is
// pending and a timer is set: the clock follows real time, and the loop
// waits until the timer falls due, the inbox gets a callback, or the
// outside work ends. It reports whether the loop has something to do.
func (l *Loop) waitFlowing() bool {
	l.clock.startFlow()
	left := l.timers[0].when - l.Time()
	if left <= 0 {
		return true
	}
	if !l.waitWake(left) {
		return false // due now, or a wait of maxIdleWait more
	}
	if !l.inboxEmpty() {
		l.drainInbox()
		return true
	}
	return false
}

func (l *Loop) runTimed(h *Handle) {
	start := time.Now()
	h.run()
	if d := time.Since(start); d >= SlowCallbackDuration {
		what := "callback"
		if h.task != nil {
			what = "step of task " + h.task.Name()
		}
		l.CallExceptionHandler(ExceptionContext{Message: fmt.Sprintf("Executing %s took %.3f seconds", what, d.Seconds()), Handle: h, Warning: true, Elapsed: d})
	}
}

// Close closes the loop: pending callbacks and timers are dropped, the
// goroutines of unfinished tasks are ended (each reported as destroyed while
// pending), and exceptions no one retrieved are reported. Closing a running
// loop is a RuntimeError; closing a closed loop does nothing.
func (l *Loop) Close() error {
	if l.running {
		return errorf(RuntimeError, "Cannot close a running event loop")
	}
	if l.closed {
		return nil
	}
	l.inboxMu.Lock()
	l.closed = true
	l.inbox = nil
	l.inboxLen.Store(0)
	l.inboxMu.Unlock()
	l.ready = queue{}
	for _, h := range l.timers {
		h.scheduled = false
	}
	l.timers = nil
	for _, t := range l.Tasks() {
		t.destroy()
	}
	for _, w := range l.idleWorkers {
		w.stop()
	}
	l.idleWorkers = nil
	l.ReportUnretrieved()
	return nil
}

// ReportUnretrieved reports every failed future whose exception nobody has
// retrieved yet, once each. Close calls it; an embedding layer may call it
// at exit for loops it never closed.
func (l *Loop) ReportUnretrieved() {
	failed := l.failed
	l.failed = nil
	for _, f := range failed {
		if !f.logTraceback {
			continue
		}
		f.logTraceback = false
		msg := "Future exception was never retrieved"
		if f.task != nil {
			msg = "Task exception was never retrieved"
		}
		l.CallExceptionHandler(ExceptionContext{Message: msg, Err: f.err, Future: f})
	}
}
