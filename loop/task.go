package loop

import (
	"errors"
	"iter"
)

// ErrDestroyed is returned by Await and Yield in a task whose loop was closed
// while the task was suspended: the body should return at once.
var ErrDestroyed = errors.New("task destroyed: its event loop was closed while it was pending")

// Body is the code a task runs, on the task's own goroutine. It may suspend
// with Task.Await and Task.Yield. Its result or error becomes the task's; an
// error that is a cancellation (see IsCancellation) cancels the task.
type Body func(t *Task) (any, error)

// Task runs a Body as an asyncio Task: stepped by the loop with CallSoon,
// suspended while it awaits a future, woken by the future's done callback,
// and cancelled by throwing a CancelledError into it at its await.
type Task struct {
	Future

	body Body
	name string

	next  func() (struct{}, bool)
	stop  func()
	yield func(struct{}) bool

	futWaiter  *Future
	mustCancel bool
	inCancel   bool // cancel is running: see cancel
	bodyDone   bool // (the bools side by side: the Task fits 320 bytes)
	numCancels int
	resumeErr  error
	bodyResult any
	bodyErr    error
	wakeupFn   func(*Future)

	prev, nextTask *Task

	// LogDestroyPending says whether Close reports the task if it is still
	// pending ("Task was destroyed but it is pending!"). NewTask sets it.
	LogDestroyPending bool
	w                 *worker // the goroutine running the body, from its first step
	// OnDestroy, if set, is called with the task when the loop closes
	// while the task is suspended, before its goroutine is resumed to
	// unwind.
	OnDestroy func(*Task)
	// TraceID is free for the loop's Tracer, which numbers tasks with it.
	TraceID int
}

// NewTask creates a task that runs body, registers it with the loop, and
// schedules its first step with CallSoon. The body's goroutine is made at the
// first step. It fails only when the loop is closed.
func NewTask(l *Loop, name string, body Body) (*Task, error) {
	if err := l.checkClosed(); err != nil {
		return nil, err
	}
	t := &Task{body: body, name: name, LogDestroyPending: true}
	t.loop = l
	t.task = t
	t.wakeupFn = t.wakeup
	l.callSoonStep(t, nil)
	l.tasks.add(t)
	if l.tracer != nil {
		l.tracer.TaskCreated(t, l.current)
	}
	return t, nil
}

// Name returns the task's name.
func (t *Task) Name() string { return t.name }

// SetName renames the task.
func (t *Task) SetName(name string) { t.name = name }

// Waiter returns the future the task is suspended on, or nil.
func (t *Task) Waiter() *Future { return t.futWaiter }

// Cancelling returns how many cancellations were requested and not yet
// withdrawn, as Task.cancelling() in Python 3.11.
func (t *Task) Cancelling() int { return t.numCancels }

// Uncancel withdraws one cancellation request and returns the number left.
func (t *Task) Uncancel() int {
	if t.numCancels > 0 {
		t.numCancels--
	}
	return t.numCancels
}

// cancel is CPython's Task.cancel: cancel the future the task waits on, or
// arrange for a CancelledError to be thrown into the body at its next step.
//
// Tasks that await each other would cancel each other without end (CPython
// raises RecursionError there); a cancel that reaches a task already being
// cancelled returns false instead.
func (t *Task) cancel(msg any) bool {
	t.logTraceback = false
	if t.state != Pending || t.inCancel {
		return false
	}
	t.numCancels++
	if t.futWaiter != nil {
		t.inCancel = true
		ok := t.futWaiter.Cancel(msg)
		t.inCancel = false
		if ok {
			return true
		}
	}
	t.mustCancel = true
	t.cancelMsg = msg
	return true
}

// step runs the body until it suspends or ends, throwing exc into it when not
// nil. It is CPython's Task.__step.
func (t *Task) step(exc error) {
	if t.state != Pending {
		return
	}
	if t.mustCancel {
		if !IsCancellation(exc) {
			exc = t.makeCancelledError()
		}
		t.mustCancel = false
	}
	t.futWaiter = nil
	l := t.loop
	prev := l.current
	l.current = t
	if l.tracer != nil {
		l.tracer.StepStart(t)
	}
	switch {
	case t.next != nil:
		t.resumeErr = exc
		t.next()
	case exc != nil:
		// Throwing into a body that never started: it ends at once.
		t.bodyDone, t.bodyErr = true, exc
	default:
		w := l.worker()
		w.task = t
		t.next, t.stop, t.w = w.next, w.stop, w
		t.next()
	}
	l.current = prev
	if l.tracer != nil {
		l.tracer.StepEnd(t, t.bodyDone)
	}
	if t.bodyDone {
		t.complete()
	}
}

// A worker is a goroutine, pulled with iter.Pull, that runs the bodies of
// tasks one after another. A task gets one at its first step; when its body
// ends the worker goes back to the loop's pool of idle ones, keeping its
// grown stack, so a task that comes after does not pay to create a goroutine
// and grow its stack again.
type worker struct {
	next func() (struct{}, bool)
	stop func()
	task *Task // the task to run next
}

// maxIdleWorkers bounds the pool: an idle worker holds its stack (often 8 KB).
const maxIdleWorkers = 256

func (l *Loop) worker() *worker {
	if n := len(l.idleWorkers); n > 0 {
		w := l.idleWorkers[n-1]
		l.idleWorkers[n-1] = nil
		l.idleWorkers = l.idleWorkers[:n-1]
		return w
	}
	w := &worker{}
	w.next, w.stop = iter.Pull(w.run)
	return w
}

func (w *worker) run(yield func(struct{}) bool) {
	for {
		t := w.task
		t.yield = yield
		t.bodyResult, t.bodyErr = t.body(t)
		t.bodyDone = true
		t.yield = nil
		w.task = nil
		// Idle until the next task (or until stopped: the loop closed, or
		// the pool was full, or this task was destroyed).
		if !yield(struct{}{}) {
			return
		}
	}
}

func (t *Task) complete() {
	l := t.loop
	l.tasks.remove(t)
	if w := t.w; w != nil {
		if len(l.idleWorkers) < maxIdleWorkers && !l.closed {
			l.idleWorkers = append(l.idleWorkers, w)
		} else {
			w.stop()
		}
	}
	t.next, t.stop, t.w = nil, nil, nil
	t.body = nil
	switch {
	case t.bodyErr == nil && t.mustCancel:
		t.mustCancel = false
		t.Future.cancel(t.cancelMsg)
	case t.bodyErr == nil:
		t.Future.SetResult(t.bodyResult)
	case IsCancellation(t.bodyErr):
		t.cancelledErr = t.bodyErr
		t.Future.cancel(nil)
	default:
		t.Future.SetException(t.bodyErr)
	}
	t.bodyResult, t.bodyErr = nil, nil
	if l.tracer != nil {
		l.tracer.TaskDone(t)
	}
}

func (t *Task) wakeup(f *Future) {
	_, err := f.Result()
	t.step(err)
}

func (t *Task) running() error {
	if t.loop.current != t || t.yield == nil {
		return t.notRunning()
	}
	return nil
}

//go:noinline
func (t *Task) notRunning() error {
	return errorf(RuntimeError, "await: task %s is not the task being run", t.name)
}

// Await suspends the task until f is done and returns f's result or error. A
// future that is done already returns at once without suspending. It must be
// called from the task's body while the task runs.
func (t *Task) Await(f *Future) (any, error) {
	if f.state == Pending {
		if err := t.block(f); err != nil {
			return nil, err
		}
	}
	return f.Result()
}

// block is on the stack of every task suspended on a future: its frame is
// kept small by doing the rare cases in badBlock.
func (t *Task) block(f *Future) error {
	if t.loop.current != t || t.yield == nil || f.loop != t.loop || f == &t.Future {
		return t.badBlock(f)
	}
	f.AddDoneCallback(t.wakeupFn, t) // the key names the waiter in reprs
	t.futWaiter = f
	if t.mustCancel && f.Cancel(t.cancelMsg) {
		t.mustCancel = false
	}
	return t.suspend()
}

//go:noinline
func (t *Task) badBlock(f *Future) error {
	if err := t.running(); err != nil {
		return err
	}
	if f.loop != t.loop {
		t.loop.callSoonStep(t, errorf(RuntimeError, "Task %s got Future attached to a different loop", t.name))
	} else {
		t.loop.callSoonStep(t, errorf(RuntimeError, "Task cannot await on itself: %s", t.name))
	}
	return t.suspend()
}

// Yield gives up the loop for exactly one iteration, as a bare yield (and
// asyncio.sleep(0)) does. It returns a cancellation thrown into the task.
func (t *Task) Yield() error {
	if err := t.running(); err != nil {
		return err
	}
	t.loop.callSoonStep(t, nil)
	return t.suspend()
}

func (t *Task) suspend() error {
	if !t.yield(struct{}{}) {
		return ErrDestroyed
	}
	err := t.resumeErr
	t.resumeErr = nil
	return err
}

// destroy ends a pending task when its loop closes.
func (t *Task) destroy() {
	t.loop.tasks.remove(t)
	if t.LogDestroyPending {
		t.loop.CallExceptionHandler(ExceptionContext{Message: "Task was destroyed but it is pending!", Future: &t.Future})
	}
	if t.stop != nil {
		if t.OnDestroy != nil {
			t.OnDestroy(t)
		}
		t.stop()
		t.next, t.stop, t.w = nil, nil, nil
	}
	t.body = nil
	if t.loop.tracer != nil {
		t.loop.tracer.TaskDone(t)
	}
}

// taskList is an intrusive doubly linked list of tasks, in insertion order.
type taskList struct {
	head, tail *Task
	n          int
}

func (tl *taskList) add(t *Task) {
	t.prev = tl.tail
	if tl.tail != nil {
		tl.tail.nextTask = t
	} else {
		tl.head = t
	}
	tl.tail = t
	tl.n++
}

func (tl *taskList) remove(t *Task) {
	if t.prev == nil && tl.head != t {
		return // not in the list
	}
	if t.prev != nil {
		t.prev.nextTask = t.nextTask
	} else {
		tl.head = t.nextTask
	}
	if t.nextTask != nil {
		t.nextTask.prev = t.prev
	} else {
		tl.tail = t.prev
	}
	t.prev, t.nextTask = nil, nil
	tl.n--
}

func (tl *taskList) slice() []*Task {
	out := make([]*Task, 0, tl.n)
	for t := tl.head; t != nil; t = t.nextTask {
		out = append(out, t)
	}
	return out
}

// GrowStack grows the calling goroutine's stack to 4 KB or 8 KB (size 4096
// or 8192; other sizes do nothing) in one copy, if it is smaller and less
// than 1 KB of it is in use. Called first thing in a Body that will run deep,
// it saves the runtime copying the stack, deep by then, as it grows.
func GrowStack(size int) {
	switch size {
	case 4096:
		growStack4K(size)
	case 8192:
		growStack8K(size)
	}
}

// growStack8K makes the calling goroutine's stack 8 KB at once, while it is
// still shallow: copying a shallow stack is cheap, whereas growing it from
// 2 KB to 4 KB to 8 KB later, deep inside the interpreter, copies and
// re-walks every frame each time. One frame of 4 KB makes the runtime
// double the 2 KB stack until it fits, that is to 8 KB, in one copy.
//
//go:noinline
func growStack8K(i int) byte {
	var pad [4096]byte
	i %= len(pad) // i is not known at compile time: pad stays
	pad[i] = 1
	return pad[(i+1)%len(pad)]
}

// growStack4K is growStack8K for 4 KB: a 1.5 KB frame does not fit in the
// 2 KB stack (less its guard) but fits in 4 KB.
//
//go:noinline
func growStack4K(i int) byte {
	var pad [1536]byte
	i %= len(pad)
	pad[i] = 1
	return pad[(i+1)%len(pad)]
}
