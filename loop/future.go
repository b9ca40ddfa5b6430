package loop

// State is the state of a Future.
type State uint8

// The states of a Future, as CPython names them.
const (
	Pending State = iota
	Cancelled
	Finished
)

var stateNames = [...]string{"PENDING", "CANCELLED", "FINISHED"}

// String returns "PENDING", "CANCELLED" or "FINISHED".
func (s State) String() string { return stateNames[s] }

type doneCallback struct {
	fn  func(*Future)
	key any
}

// Future is an asyncio Future: a result that will be set later, with callbacks
// scheduled (with CallSoon, in registration order) when it is done. A Task is
// a Future too; Cancel, Result and the rest behave as CPython's for it.
type Future struct {
	loop         *Loop
	state        State
	logTraceback bool
	result       any
	err          error
	cancelMsg    any
	// cancelledErr is the CancelledError a task's body raised, returned once
	// by the next Result or Exception.
	cancelledErr error
	callbacks    []doneCallback

	task   *Task
	gather *gatherState

	// Value is free for the embedding layer, which keeps its wrapper of the
	// future here.
	Value any
	label *string // see Label
}

// Label names what a task suspended on this future waits for, such as
// "Queue.get()", or is "": the embedding layer's deadlock report shows it.
func (f *Future) Label() string {
	if f.label == nil {
		return ""
	}
	return *f.label
}

// SetLabel sets the future's Label.
func (f *Future) SetLabel(label string) { f.label = &label }

// The labels of the futures the loop makes for a task to wait on (kept
// as variables so that labelling allocates nothing).
var (
	labelGather         = "gather()"
	labelWait           = "wait()"
	labelCancel         = "cancel()"
	labelWaitFor        = "wait_for()"
	labelShield         = "shield()"
	labelAsCompleted    = "as_completed()"
	labelSleep          = "sleep()"
	labelTaskgroupAexit = "TaskGroup.__aexit__()"
)

// labelled returns a pending future of l labelled label.
func labelled(l *Loop, label string) *Future {
	f := &Future{loop: l}
	f.SetLabel(label)
	return f
}

// NewFuture returns a pending future attached to l.
func NewFuture(l *Loop) *Future { return &Future{loop: l} }

// Loop returns the loop the future is attached to.
func (f *Future) Loop() *Loop { return f.loop }

// Task returns the task this future is, or nil for a plain future.
func (f *Future) Task() *Task { return f.task }

// State returns the future's state.
func (f *Future) State() State { return f.state }

// Done reports whether the future has a result, an exception, or was cancelled.
func (f *Future) Done() bool { return f.state != Pending }

// Cancelled reports whether the future was cancelled.
func (f *Future) Cancelled() bool { return f.state == Cancelled }

// CancelMessage returns the message given to the Cancel that cancelled it.
func (f *Future) CancelMessage() any { return f.cancelMsg }

// Result returns the future's result, or the error it finished with. A
// cancelled future returns a CancelledError (or the cancellation its task's
// body raised); a pending one an InvalidStateError.
func (f *Future) Result() (any, error) {
	switch f.state {
	case Cancelled:
		return nil, f.makeCancelledError()
	case Pending:
		return nil, errorf(InvalidStateError, "Result is not set.")
	}
	f.logTraceback = false
	return f.result, f.err
}

// Exception returns the error the future finished with (nil after a result).
// The second result is the CancelledError of a cancelled future or the
// InvalidStateError of a pending one.
func (f *Future) Exception() (error, error) {
	switch f.state {
	case Cancelled:
		return nil, f.makeCancelledError()
	case Pending:
		return nil, errorf(InvalidStateError, "Exception is not set.")
	}
	f.logTraceback = false
	return f.err, nil
}

// PeekException returns the error the future finished with without marking
// it retrieved.
func (f *Future) PeekException() error { return f.err }

func (f *Future) makeCancelledError() error {
	if e := f.cancelledErr; e != nil {
		f.cancelledErr = nil
		return e
	}
	return &CancelledError{Msg: f.cancelMsg}
}

// AddDoneCallback arranges for fn(f) to be scheduled with CallSoon when f is
// done, at once if it is done already. key identifies the callback for
// RemoveDoneCallback; it may be nil.
func (f *Future) AddDoneCallback(fn func(*Future), key any) {
	if f.state != Pending {
		f.loop.callSoonFuture(fn, f, key)
		return
	}
	f.callbacks = append(f.callbacks, doneCallback{fn, key})
}

// RemoveDoneCallback removes every callback whose key matches and returns how
// many it removed.
func (f *Future) RemoveDoneCallback(match func(key any) bool) int {
	kept := f.callbacks[:0]
	for _, cb := range f.callbacks {
		if cb.key == nil || !match(cb.key) {
			kept = append(kept, cb)
		}
	}
	n := len(f.callbacks) - len(kept)
	clear(f.callbacks[len(kept):])
	f.callbacks = kept
	return n
}

// CallbackKeys returns the keys of the pending done callbacks, in order.
func (f *Future) CallbackKeys() []any {
	keys := make([]any, len(f.callbacks))
	for i, cb := range f.callbacks {
		keys[i] = cb.key
	}
	return keys
}

func (f *Future) scheduleCallbacks() {
	cbs := f.callbacks
	f.callbacks = nil
	for _, cb := range cbs {
		f.loop.callSoonFuture(cb.fn, f, cb.key)
	}
}

func (f *Future) invalidState() error {
	return errorf(InvalidStateError, "invalid state")
}

// SetResult marks the future done with result v. A done future returns an
// InvalidStateError.
func (f *Future) SetResult(v any) error {
	if f.state != Pending {
		return f.invalidState()
	}
	f.result = v
	f.state = Finished
	f.scheduleCallbacks()
	return nil
}

// SetException marks the future done with err. A done future returns an
// InvalidStateError.
func (f *Future) SetException(err error) error {
	if f.state != Pending {
		return f.invalidState()
	}
	f.err = err
	f.state = Finished
	f.logTraceback = true
	f.loop.failed = append(f.loop.failed, f)
	f.scheduleCallbacks()
	return nil
}

// Cancel cancels the future and schedules its callbacks, returning false if it
// was already done. For a Task it requests cancellation as Task.Cancel does;
// for a Gather it cancels the children.
func (f *Future) Cancel(msg any) bool {
	switch {
	case f.task != nil:
		return f.task.cancel(msg)
	case f.gather != nil:
		if f.state != Pending { // a done gather leaves its children alone
			return false
		}
		return f.gather.cancel(msg)
	}
	return f.cancel(msg)
}

func (f *Future) cancel(msg any) bool {
	f.logTraceback = false
	if f.state != Pending {
		return false
	}
	f.state = Cancelled
	f.cancelMsg = msg
	f.scheduleCallbacks()
	return true
}

// copyState makes dst done the way src is (src must be done).
func copyState(src, dst *Future) {
	switch {
	case src.state == Cancelled:
		dst.Cancel(src.cancelMsg)
	case src.err != nil:
		dst.SetException(src.err)
	default:
		dst.SetResult(src.result)
	}
}
