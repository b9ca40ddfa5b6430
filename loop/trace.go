package loop

// Tracer receives a loop's events, to draw a timeline of what its tasks and
// callbacks do (see Options.Tracer). Its methods are called by the goroutine
// acting for the loop at the moment of each event, so the time of an event
// is the loop's clock then. They must be quick, and must not call back into
// the loop. A loop without a tracer pays one nil check per event.
type Tracer interface {
	// TaskCreated is called when NewTask has made t; parent is the task
	// that was running then, or nil. t is not stepped yet, and the
	// embedding layer has not set t.Value yet.
	TaskCreated(t, parent *Task)
	// StepStart and StepEnd bracket each step of t, the run of its body
	// from one suspension to the next. At StepEnd, ended says whether the
	// body returned (TaskDone follows); otherwise t.Waiter() is the future
	// t waits on, or nil after a Yield.
	StepStart(t *Task)
	StepEnd(t *Task, ended bool)
	// TaskDone is called when t is done (its outcome is set), or, with t
	// still pending, when Close destroys it.
	TaskDone(t *Task)
	// CallbackStart and CallbackEnd bracket each callback the loop runs
	// other than task steps and the done callbacks that wake tasks: h.Value
	// is the embedding layer's description of a callback it scheduled, or,
	// for a done callback, the key it was added with.
	CallbackStart(h *Handle)
	CallbackEnd(h *Handle)
	// OffLoopStart is called when RunOff starts outside work for f, and
	// OffLoopEnd when that work has returned and its outcome reaches the
	// loop (f may have been cancelled meanwhile).
	OffLoopStart(f *Future)
	OffLoopEnd(f *Future)
}

// runTraced runs h, reporting it to the tracer unless it is a task step or
// a task's wakeup, whose steps the tracer sees.
func (l *Loop) runTraced(h *Handle) {
	_, wakeup := h.Value.(*Task)
	cb := h.task == nil && !(h.ffn != nil && wakeup)
	if cb {
		l.tracer.CallbackStart(h)
	}
	if l.debug {
		l.runTimed(h)
	} else {
		h.run()
	}
	if cb {
		l.tracer.CallbackEnd(h)
	}
}

// AwaitedBy returns the futures that wait for f, as asyncio's call graph
// (Python 3.14's capture_call_graph) follows them: each task suspended on
// f, the future of a gather or shield that f is part of, the parent task of
// a TaskGroup f is a child of, and the task waiting for f in Wait or
// WaitFor. They come in the order they began to wait, each once.
func (f *Future) AwaitedBy() []*Future {
	var out []*Future
	for _, cb := range f.callbacks {
		var by *Future
		switch k := cb.key.(type) {
		case *Task:
			by = &k.Future
		case *Future:
			by = k
		case *TaskGroup:
			if k.parent != nil {
				by = &k.parent.Future
			}
		case *awaitKey:
			by = &k.task.Future
		}
		if by != nil && by != f && !containsFuture(out, by) {
			out = append(out, by)
		}
	}
	return out
}

func containsFuture(fs []*Future, f *Future) bool {
	for _, g := range fs {
		if g == f {
			return true
		}
	}
	return false
}

// awaitKey is the key of the done callbacks by which Wait and WaitFor
// watch futures for task: AwaitedBy follows it to the task. Each is made
// anew, so that it matches only its own callbacks.
type awaitKey struct{ task *Task }
