package loop

// This file holds the asyncio functions that combine futures: gather, wait,
// wait_for, shield, as_completed and sleep, following CPython 3.11's
// Lib/asyncio/tasks.py step for step so that the order of callbacks matches.

type gatherState struct {
	children        []*Future
	cancelRequested bool
}

func (g *gatherState) cancel(msg any) bool {
	ret := false
	for _, c := range g.children {
		if c.Cancel(msg) {
			ret = true
		}
	}
	if ret {
		g.cancelRequested = true
	}
	return ret
}

// Gather returns a future that completes when all children are done, with a
// []any of their results in order. Without returnExceptions the first error
// (or cancellation) of a child becomes the gather's error; with it, errors
// (and *CancelledError for cancelled children) stand in the list. Cancelling
// the gather cancels the children. A child listed twice is awaited once.
func Gather(l *Loop, children []*Future, returnExceptions bool) *Future {
	outer := &Future{loop: l, label: &labelGather}
	if len(children) == 0 {
		outer.SetResult([]any{})
		return outer
	}
	g := &gatherState{children: children}
	nfuts, nfinished := 0, 0
	done := func(fut *Future) {
		nfinished++
		if outer.state != Pending {
			if !fut.Cancelled() {
				fut.Exception()
			}
			return
		}
		if !returnExceptions {
			if fut.Cancelled() {
				outer.SetException(fut.makeCancelledError())
				return
			}
			if exc, _ := fut.Exception(); exc != nil {
				outer.SetException(exc)
				return
			}
		}
		if nfinished < nfuts {
			return
		}
		results := make([]any, len(children))
		for i, c := range children {
			switch {
			case c.Cancelled():
				results[i] = &CancelledError{Msg: c.cancelMsg}
			case c.err != nil:
				c.logTraceback = false
				results[i] = c.err
			default:
				results[i] = c.result
			}
		}
		if g.cancelRequested {
			outer.SetException(fut.makeCancelledError())
		} else {
			outer.SetResult(results)
		}
	}
	seen := make(map[*Future]bool, len(children))
	for _, c := range children {
		if !seen[c] {
			seen[c] = true
			nfuts++
			c.AddDoneCallback(done, outer) // the key names the awaiter (see AwaitedBy)
		}
	}
	outer.gather = g
	return outer
}

// Return conditions of Wait.
const (
	FirstCompleted = "FIRST_COMPLETED"
	FirstException = "FIRST_EXCEPTION"
	AllCompleted   = "ALL_COMPLETED"
)

// Wait suspends t until the futures are done as returnWhen says, or until
// timeout seconds pass (a negative timeout means none). It returns the done
// and the pending futures, each in the order given; duplicates count once.
func Wait(t *Task, fs []*Future, timeout float64, returnWhen string) (done, pending []*Future, err error) {
	if len(fs) == 0 {
		return nil, nil, errorf(ValueError, "Set of Tasks/Futures is empty.")
	}
	switch returnWhen {
	case FirstCompleted, FirstException, AllCompleted:
	default:
		return nil, nil, errorf(ValueError, "Invalid return_when value: %s", returnWhen)
	}
	fs = unique(fs)
	l := t.loop
	waiter := &Future{loop: l, label: &labelWait}
	var th *Handle
	if timeout >= 0 {
		th, _ = l.CallLater(timeout, func() { releaseWaiter(waiter) })
	}
	counter := len(fs)
	key := &awaitKey{t}
	onCompletion := func(f *Future) {
		counter--
		if counter <= 0 || returnWhen == FirstCompleted ||
			returnWhen == FirstException && !f.Cancelled() && f.err != nil {
			if th != nil {
				th.Cancel()
			}
			releaseWaiter(waiter)
		}
	}
	for _, f := range fs {
		f.AddDoneCallback(onCompletion, key)
	}
	_, err = t.Await(waiter)
	if th != nil {
		th.Cancel()
	}
	for _, f := range fs {
		f.RemoveDoneCallback(func(k any) bool { return k == key })
	}
	if err != nil {
		return nil, nil, err
	}
	for _, f := range fs {
		if f.Done() {
			done = append(done, f)
		} else {
			pending = append(pending, f)
		}
	}
	return done, pending, nil
}

func unique(fs []*Future) []*Future {
	seen := make(map[*Future]bool, len(fs))
	out := make([]*Future, 0, len(fs))
	for _, f := range fs {
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	return out
}

func releaseWaiter(w *Future) {
	if w.state == Pending {
		w.SetResult(nil)
	}
}

// cancelAndWait cancels f with msg and suspends t until f is done.
func cancelAndWait(t *Task, f *Future, msg any) error {
	waiter := &Future{loop: t.loop, label: &labelCancel}
	key := &awaitKey{t}
	f.AddDoneCallback(func(*Future) { releaseWaiter(waiter) }, key)
	f.Cancel(msg)
	_, err := t.Await(waiter)
	f.RemoveDoneCallback(func(k any) bool { return k == key })
	return err
}

// WaitFor suspends t until f is done or timeout seconds pass. On timeout it
// cancels f, waits for it to finish cancelling, and returns a TimeoutError
// (or f's result, if f ignored the cancellation). If t is cancelled while
// waiting, f is cancelled too, and t gets the cancellation once f is done.
func WaitFor(t *Task, f *Future, timeout float64) (any, error) {
	var cancelled error // t's own cancellation, raised once f is done
	if timeout > 0 {
		waiter := &Future{loop: t.loop, label: &labelWaitFor}
		th, err := t.loop.CallLater(timeout, func() { releaseWaiter(waiter) })
		if err != nil {
			return nil, err
		}
		defer th.Cancel()
		key := &awaitKey{t}
		f.AddDoneCallback(func(*Future) { releaseWaiter(waiter) }, key)
		if _, err := t.Await(waiter); err != nil {
			if !IsCancellation(err) {
				return nil, err
			}
			cancelled = err
		}
		if f.Done() {
			return f.Result()
		}
		f.RemoveDoneCallback(func(k any) bool { return k == key })
	} else if f.Done() {
		return f.Result()
	}
	var msg any = Expired
	if cancelled != nil {
		msg = nil // t itself was cancelled: no timeout
	}
	if err := cancelAndWait(t, f, msg); err != nil {
		return nil, err
	}
	if cancelled != nil {
		return nil, cancelled
	}
	return timeoutResult(f)
}

func timeoutResult(f *Future) (any, error) {
	v, err := f.Result()
	if IsCancellation(err) {
		return nil, &Error{Kind: TimeoutError, Cause: err}
	}
	return v, err
}

// Shield returns a future that follows inner but whose cancellation does not
// cancel inner. If inner is done already, it returns inner.
func Shield(inner *Future) *Future {
	if inner.Done() {
		return inner
	}
	outer := &Future{loop: inner.loop, label: &labelShield}
	inner.AddDoneCallback(func(in *Future) {
		if outer.Cancelled() {
			if !in.Cancelled() {
				in.Exception()
			}
			return
		}
		switch {
		case in.Cancelled():
			outer.Cancel(nil)
		case in.err != nil:
			in.logTraceback = false
			outer.SetException(in.err)
		default:
			outer.SetResult(in.result)
		}
	}, outer) // the key names the awaiter (see AwaitedBy)
	outer.AddDoneCallback(func(*Future) {
		if !inner.Done() {
			inner.RemoveDoneCallback(func(k any) bool { return k == outer })
		}
	}, nil)
	return outer
}

// AsCompleted hands out the results of futures in the order they complete,
// as asyncio.as_completed. Each call of Next (from a task) waits for the next
// one to complete and returns its result or error; after the timeout, the
// calls still waiting return a TimeoutError.
type AsCompleted struct {
	loop    *Loop
	todo    []*Future
	done    []*Future // nil marks a timeout
	getters []*Future
	th      *Handle
	n       int
}

// NewAsCompleted starts watching fs. A negative timeout means none.
func NewAsCompleted(l *Loop, fs []*Future, timeout float64) *AsCompleted {
	a := &AsCompleted{loop: l, todo: unique(fs)}
	a.n = len(a.todo)
	for _, f := range a.todo {
		f.AddDoneCallback(a.onCompletion, a)
	}
	if len(a.todo) > 0 && timeout >= 0 {
		a.th, _ = l.CallLater(timeout, a.onTimeout)
	}
	return a
}

// Len returns how many results Next will hand out.
func (a *AsCompleted) Len() int { return a.n }

func (a *AsCompleted) onTimeout() {
	for _, f := range a.todo {
		f.RemoveDoneCallback(func(k any) bool { return k == a })
		a.put(nil)
	}
	a.todo = nil
}

func (a *AsCompleted) onCompletion(f *Future) {
	if len(a.todo) == 0 {
		return
	}
	for i, g := range a.todo {
		if g == f {
			a.todo = append(a.todo[:i], a.todo[i+1:]...)
			break
		}
	}
	a.put(f)
	if len(a.todo) == 0 && a.th != nil {
		a.th.Cancel()
	}
}

func (a *AsCompleted) put(f *Future) {
	a.done = append(a.done, f)
	for len(a.getters) > 0 {
		g := a.getters[0]
		a.getters = a.getters[1:]
		if !g.Done() {
			g.SetResult(nil)
			break
		}
	}
}

// Next waits for the next future to complete and returns its outcome.
func (a *AsCompleted) Next(t *Task) (any, error) {
	for len(a.done) == 0 {
		getter := &Future{loop: a.loop, label: &labelAsCompleted}
		a.getters = append(a.getters, getter)
		if _, err := t.Await(getter); err != nil {
			getter.Cancel(nil)
			for i, g := range a.getters {
				if g == getter {
					a.getters = append(a.getters[:i], a.getters[i+1:]...)
					break
				}
			}
			return nil, err
		}
	}
	f := a.done[0]
	a.done = a.done[1:]
	if f == nil {
		return nil, &Error{Kind: TimeoutError}
	}
	return f.Result()
}

// Sleep suspends t for delay seconds and returns result. A delay of zero or
// less yields for exactly one loop iteration.
func Sleep(t *Task, delay float64, result any) (any, error) {
	if delay <= 0 {
		if err := t.Yield(); err != nil {
			return nil, err
		}
		return result, nil
	}
	f := &Future{loop: t.loop, label: &labelSleep}
	h, err := t.loop.CallLater(delay, func() {
		if f.state == Pending {
			f.SetResult(result)
		}
	})
	if err != nil {
		return nil, err
	}
	v, err := t.Await(f)
	h.Cancel()
	return v, err
}
