package loop

// This file holds TaskGroup, following CPython 3.11.7's
// Lib/asyncio/taskgroups.py step for step so that the order of callbacks
// matches.

import (
	"fmt"
	"strconv"
	"strings"
)

// ExceptionGroup is the error a TaskGroup's Exit returns when children (or
// the body) failed: Python's BaseExceptionGroup(Msg, Errs). The embedding
// layer turns it into its own ExceptionGroup or BaseExceptionGroup value,
// raised "from None" as CPython does. It is a plain value, safe to read from
// any goroutine once Exit returned it.
type ExceptionGroup struct {
	Msg  string
	Errs []error
}

// Error returns Python's str of the group: "msg (1 sub-exception)" or
// "msg (N sub-exceptions)".
func (e *ExceptionGroup) Error() string {
	s := "s"
	if len(e.Errs) == 1 {
		s = ""
	}
	return fmt.Sprintf("%s (%d sub-exception%s)", e.Msg, len(e.Errs), s)
}

// TaskGroup is asyncio.TaskGroup: a block (between Enter and Exit) whose
// child tasks are all awaited at Exit. The first child that fails cancels
// its siblings and the task running the block; Exit then returns an
// ExceptionGroup with every failure, in the order they happened.
//
// A TaskGroup belongs to its loop: every method is called only by the
// goroutine acting for the loop (see the package documentation). Enter and
// Exit are called from the body of the task that runs the block, while it
// runs; Exit suspends that task.
type TaskGroup struct {
	// IsBase reports whether an error stands for a BaseException that is not
	// an Exception nor a cancellation (SystemExit, KeyboardInterrupt): Exit
	// returns the first such error as it is, instead of a group. Nil means
	// no error is one. The embedding layer sets it before Enter.
	IsBase func(error) bool

	loop     *Loop
	entered  bool
	exiting  bool
	aborting bool

	parent                *Task
	parentCancelRequested bool

	tasks       taskSet
	errors      []error
	baseError   error
	onCompleted *Future
	onTaskDone  func(*Future)
}

// NewTaskGroup returns a TaskGroup on l, not entered yet. Like every method
// of TaskGroup, it is called only by the goroutine acting for l.
func NewTaskGroup(l *Loop) *TaskGroup {
	tg := &TaskGroup{loop: l}
	tg.onTaskDone = tg.taskDone
	return tg
}

// String returns a repr like CPython's: "<TaskGroup>", "<TaskGroup
// entered>", "<TaskGroup tasks=2 errors=1 cancelling>".
func (tg *TaskGroup) String() string {
	var b strings.Builder
	b.WriteString("<TaskGroup")
	if n := tg.tasks.len(); n > 0 {
		b.WriteString(" tasks=" + strconv.Itoa(n))
	}
	if n := len(tg.errors); n > 0 {
		b.WriteString(" errors=" + strconv.Itoa(n))
	}
	switch {
	case tg.aborting:
		b.WriteString(" cancelling")
	case tg.entered:
		b.WriteString(" entered")
	}
	b.WriteString(">")
	return b.String()
}

// Enter is __aenter__: t, the task running the block, becomes the group's
// parent task. Entering twice, or without a task of the group's loop, is a
// RuntimeError. Enter does not suspend.
func (tg *TaskGroup) Enter(t *Task) error {
	if tg.entered {
		return errorf(RuntimeError, "TaskGroup %s has already been entered", tg)
	}
	if t == nil || t.loop != tg.loop {
		return errorf(RuntimeError, "TaskGroup %s cannot determine the parent task", tg)
	}
	tg.parent = t
	tg.entered = true
	return nil
}

// CreateTask is create_task: after checking that the group is entered, not
// finished and not shutting down (each a RuntimeError naming the group), it
// calls create to make the task, then adds the task to the group. An error
// from create is returned as it is.
func (tg *TaskGroup) CreateTask(create func() (*Task, error)) (*Task, error) {
	if !tg.entered {
		return nil, errorf(RuntimeError, "TaskGroup %s has not been entered", tg)
	}
	if tg.exiting && tg.tasks.len() == 0 {
		return nil, errorf(RuntimeError, "TaskGroup %s is finished", tg)
	}
	if tg.aborting {
		return nil, errorf(RuntimeError, "TaskGroup %s is shutting down", tg)
	}
	t, err := create()
	if err != nil {
		return nil, err
	}
	t.AddDoneCallback(tg.onTaskDone, tg) // the key names the callback in reprs
	tg.tasks.add(t)
	return t, nil
}

// Exit is __aexit__: err is what the block raised (nil if nothing). Exit
// cancels the children if the block failed or was cancelled, suspends t (the
// task running the block, which must be the running task) until every child
// is done, and returns what leaves the block, in CPython's order of
// precedence:
//   - the first error IsBase accepts (from the block or a child), as it is;
//   - a cancellation (the block's err, or one thrown into t while it waited)
//     unless a child failed, or the only cancellation pending on the parent
//     was the group's own (then Exit withdraws it with Uncancel);
//   - an *ExceptionGroup of the children's errors in the order they failed,
//     then the block's err if it was not a cancellation;
//   - otherwise err (nil after a block that raised nothing).
//
// An error of t.Await other than a cancellation (ErrDestroyed, or a
// RuntimeError if t is not running) is returned at once.
func (tg *TaskGroup) Exit(t *Task, err error) error {
	tg.exiting = true
	if err != nil && tg.isBase(err) && tg.baseError == nil {
		tg.baseError = err
	}
	var propagate error
	if IsCancellation(err) {
		propagate = err
	}
	if tg.parentCancelRequested && tg.parent.Uncancel() == 0 {
		// No cancellation is left pending but ours: do not propagate it.
		propagate = nil
	}
	if err != nil && !tg.aborting {
		tg.abort()
	}
	for tg.tasks.len() > 0 {
		if tg.onCompleted == nil {
			tg.onCompleted = &Future{loop: tg.loop, label: &labelTaskgroupAexit}
		}
		if _, werr := t.Await(tg.onCompleted); werr != nil {
			if !IsCancellation(werr) {
				return werr
			}
			if !tg.aborting {
				// The parent task is cancelled while the children run.
				propagate = werr
				tg.abort()
			}
		}
		tg.onCompleted = nil
	}
	if tg.baseError != nil {
		return tg.baseError
	}
	if propagate != nil && len(tg.errors) == 0 {
		return propagate
	}
	if err != nil && !IsCancellation(err) {
		tg.errors = append(tg.errors, err)
	}
	if len(tg.errors) > 0 {
		eg := &ExceptionGroup{Msg: "unhandled errors in a TaskGroup", Errs: tg.errors}
		tg.errors = nil
		return eg
	}
	return err
}

func (tg *TaskGroup) isBase(err error) bool { return tg.IsBase != nil && tg.IsBase(err) }

func (tg *TaskGroup) abort() {
	tg.aborting = true
	for _, t := range tg.tasks.list {
		if t != nil && !t.Done() {
			t.Cancel(nil)
		}
	}
}

// taskDone is _on_task_done, a done callback of every child.
func (tg *TaskGroup) taskDone(f *Future) {
	task := f.task
	tg.tasks.remove(task)
	if tg.onCompleted != nil && tg.tasks.len() == 0 && !tg.onCompleted.Done() {
		tg.onCompleted.SetResult(true)
	}
	if f.Cancelled() {
		return
	}
	exc, _ := f.Exception()
	if exc == nil {
		return
	}
	tg.errors = append(tg.errors, exc)
	if tg.isBase(exc) && tg.baseError == nil {
		tg.baseError = exc
	}
	if tg.parent.Done() {
		tg.loop.CallExceptionHandler(ExceptionContext{
			Message: fmt.Sprintf("Task %s has errored out but its parent task %s is already completed", taskRepr(task), taskRepr(tg.parent)),
			Err:     exc,
			Future:  f,
		})
		return
	}
	if !tg.aborting && !tg.parentCancelRequested {
		// Cancel what the block is awaiting; Exit withdraws this request.
		tg.abort()
		tg.parentCancelRequested = true
		tg.parent.Cancel(nil)
	}
}

// taskRepr is the embedding layer's repr of t when its Value has one.
func taskRepr(t *Task) string {
	if s, ok := t.Value.(fmt.Stringer); ok {
		return s.String()
	}
	return fmt.Sprintf("<Task %s name='%s'>", strings.ToLower(t.state.String()), t.name)
}

// taskSet is the group's set of unfinished children, in the order they were
// added (CPython's set has an order of its own, by address).
type taskSet struct {
	list []*Task // nil where a task was removed
	pos  map[*Task]int
}

func (s *taskSet) len() int { return len(s.pos) }

func (s *taskSet) add(t *Task) {
	if s.pos == nil {
		s.pos = make(map[*Task]int)
	}
	if _, ok := s.pos[t]; ok {
		return
	}
	s.pos[t] = len(s.list)
	s.list = append(s.list, t)
}

func (s *taskSet) remove(t *Task) {
	i, ok := s.pos[t]
	if !ok {
		return
	}
	delete(s.pos, t)
	s.list[i] = nil
	switch {
	case len(s.pos) == 0:
		clear(s.list)
		s.list = s.list[:0]
	case len(s.list) >= 64 && len(s.pos) < len(s.list)/4:
		kept := s.list[:0]
		for _, t := range s.list {
			if t != nil {
				s.pos[t] = len(kept)
				kept = append(kept, t)
			}
		}
		clear(s.list[len(kept):])
		s.list = kept
	}
}
