package loop

// Handle is a callback scheduled on a loop by CallSoon, CallLater, CallAt or
// CallSoonThreadsafe. Cancel stops it from running.
type Handle struct {
	loop      *Loop
	fn        func()
	ffn       func(*Future) // a done callback, called with farg
	farg      *Future
	task      *Task // a task step, with stepErr
	stepErr   error
	cancelled bool
	// recycle: a task step or a done callback, which never reach users:
	// back to the loop's free list after it runs.
	recycle   bool
	scheduled bool // a timer in the loop's heap

	// timers only
	when float64
	seq  uint64

	// Value is free for the embedding layer, which keeps its description
	// of the callback here (for reports of slow callbacks). For a done
	// callback, the loop keeps here the key it was added with.
	Value any
}

// Task returns the task whose step the handle runs, or nil.
func (h *Handle) Task() *Task { return h.task }

// Loop returns the loop the handle belongs to.
func (h *Handle) Loop() *Loop { return h.loop }

// Cancel stops the callback from running. Cancelling a handle that already ran
// or was cancelled does nothing.
func (h *Handle) Cancel() {
	if h.cancelled {
		return
	}
	h.cancelled = true
	h.fn, h.ffn, h.farg, h.task, h.stepErr = nil, nil, nil, nil, nil
	if h.scheduled && h.loop != nil {
		h.loop.timerCancelled()
	}
}

// Cancelled reports whether Cancel was called.
func (h *Handle) Cancelled() bool { return h.cancelled }

// When returns the loop time a timer handle is due at (0 for other handles).
func (h *Handle) When() float64 { return h.when }

func (h *Handle) run() {
	switch {
	case h.task != nil:
		h.task.step(h.stepErr)
	case h.ffn != nil:
		h.ffn(h.farg)
	default:
		h.fn()
	}
}

// queue is a FIFO of handles on a ring buffer.
type queue struct {
	buf        []*Handle
	head, size int
}

func (q *queue) len() int { return q.size }

func (q *queue) push(h *Handle) {
	if q.size == len(q.buf) {
		n := 2 * len(q.buf)
		if n == 0 {
			n = 16
		}
		buf := make([]*Handle, n)
		k := copy(buf, q.buf[q.head:])
		copy(buf[k:], q.buf[:q.head])
		q.buf, q.head = buf, 0
	}
	q.buf[(q.head+q.size)%len(q.buf)] = h
	q.size++
}

func (q *queue) pop() *Handle {
	h := q.buf[q.head]
	q.buf[q.head] = nil
	q.head = (q.head + 1) % len(q.buf)
	q.size--
	return h
}

// timerHeap orders timer handles by (when, seq).
type timerHeap []*Handle

func (t timerHeap) less(i, j int) bool {
	if t[i].when != t[j].when {
		return t[i].when < t[j].when
	}
	return t[i].seq < t[j].seq
}

func (t timerHeap) swap(i, j int) {
	t[i], t[j] = t[j], t[i]
}

func (t *timerHeap) push(h *Handle) {
	*t = append(*t, h)
	t.up(len(*t) - 1)
}

func (t *timerHeap) pop() *Handle {
	old := *t
	n := len(old) - 1
	old.swap(0, n)
	h := old[n]
	old[n] = nil
	*t = old[:n]
	if n > 0 {
		t.down(0)
	}
	return h
}

func (t timerHeap) up(j int) {
	for j > 0 {
		i := (j - 1) / 2
		if !t.less(j, i) {
			break
		}
		t.swap(i, j)
		j = i
	}
}

func (t timerHeap) down(i int) {
	n := len(t)
	for {
		j := 2*i + 1
		if j >= n {
			return
		}
		if r := j + 1; r < n && t.less(r, j) {
			j = r
		}
		if !t.less(j, i) {
			return
		}
		t.swap(i, j)
		i = j
	}
}
