package builtins

import (
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/asyncrun/asyncrun/loop"
	"go.starlark.net/syntax"
)

// A timeline of the runtime's loops (Config.Trace, interp's Options.Trace), in the Chrome
// Trace Event Format's JSON object form: {"traceEvents":[...]}, one event
// a line. Process 1 is the interpreter; each task, each loop's callbacks
// and each lane of host calls is a thread of it (a track), named by a
// "thread_name" metadata event. Events:
//
//   - a task's steps: complete ("X") events named "fn" (its first step,
//     fn its coroutine function) or "fn:line" (the line it resumed at),
//     with args "resumed_at" (file:line) and "awaits" (what it suspended
//     on at the end of the step: "Task 'Task-2'", "sleep()", "gather()",
//     "Queue.get()", a host function's "fetch()", "sleep(0)" for a bare
//     yield);
//   - its creation: an instant ("i") event "created" (args "coro" and
//     "at", where it was made), and, when a task or a script's callback
//     made it, a flow arrow ("s" on the creator's track, bound to the step
//     or callback that made it, "f" on the new task's track) named "create";
//   - its end: an instant event "result", "exception", "cancelled" or
//     "destroyed" (pending when its loop closed), with the result's repr
//     or the exception in args;
//   - callbacks that scripts scheduled (call_soon, call_later,
//     add_done_callback, ...): "X" events on a "callbacks" track per loop,
//     named as CPython's handles describe them;
//   - host calls (AsyncFunc): "X" events named "name()" from the call to
//     its return, on "host calls" tracks (one lane per call running at
//     once).
//
// Timestamps ("ts", "dur") are the loop clock's microseconds: under
// virtual time they are simulated time, and every step takes no time.
// The tracer's methods run on the goroutine acting for the loops (see
// loop.Tracer), close once no loop runs.

// traceFlush is how much the tracer buffers before writing.
const traceFlush = 64 << 10

type tracer struct {
	clock *loop.Clock
	w     io.Writer
	buf   []byte
	err   error
	ended bool

	tids  int         // tracks numbered so far
	tasks []traceTask // by tid (holes for other tracks)
	loops map[*loop.Loop]int
	cbs   []traceCallback // callbacks running, innermost last
	flows []traceFlow     // creation flows whose source slice has not ended
	lanes []hostLane
}

// traceTask is what the tracer knows of a task between events.
type traceTask struct {
	t       *loop.Task // until it is done
	created float64    // loop time, as all times here
	from    int        // the track its creation flow starts from, or 0
	start   float64    // of the step running
	fn      string
	pos     syntax.Position
	resumed bool
	stepped bool // its creation was written
	named   bool // its thread_name was written
}

type traceCallback struct {
	tid   int // 0: not shown
	name  string
	start float64
}

type traceFlow struct {
	from, id int
	ts       float64
}

type hostLane struct {
	tid   int
	f     *loop.Future // nil: free
	start float64
}

func newTracer(w io.Writer, clock *loop.Clock) *tracer {
	tr := &tracer{clock: clock, w: w, loops: make(map[*loop.Loop]int)}
	tr.buf = append(tr.buf, `{"traceEvents":[`+"\n"...)
	tr.buf = append(tr.buf, `{"name":"process_name","ph":"M","ts":0,"pid":1,"tid":0,"args":{"name":"asyncrun"}}`...)
	return tr
}

// now returns the loop clock's time, in seconds.
func (tr *tracer) now() float64 { return tr.clock.Now() }

// newTrack numbers a new track, named name unless name is "".
func (tr *tracer) newTrack(name string) int {
	tr.tids++
	if name != "" {
		tr.nameTrack(tr.tids, name)
	}
	return tr.tids
}

func (tr *tracer) nameTrack(tid int, name string) {
	b := appendEvent(tr.buf, 'M', 0, tid)
	b = append(b, `,"name":"thread_name","args":{"name":`...)
	b = appendString(b, name)
	b = append(b, "}}"...)
	b = appendEvent(b, 'M', 0, tid)
	b = append(b, `,"name":"thread_sort_index","args":{"sort_index":`...)
	b = strconv.AppendInt(b, int64(tid), 10)
	tr.done(append(b, "}}"...))
}

func (tr *tracer) task(t *loop.Task) *traceTask {
	if t.TraceID <= 0 || t.TraceID >= len(tr.tasks) {
		return nil
	}
	return &tr.tasks[t.TraceID]
}

// TaskCreated gives t a track, and starts its creation flow from the task
// or script callback that made it.
func (tr *tracer) TaskCreated(t, parent *loop.Task) {
	tid := tr.newTrack("")
	t.TraceID = tid
	for len(tr.tasks) <= tid {
		tr.tasks = append(tr.tasks, traceTask{})
	}
	tt := &tr.tasks[tid]
	tt.t, tt.created = t, tr.now()
	switch n := len(tr.cbs); {
	case parent != nil && tr.task(parent) != nil:
		tt.from = parent.TraceID
	case n > 0:
		tt.from = tr.cbs[n-1].tid
	}
	if tt.from != 0 {
		tr.flows = append(tr.flows, traceFlow{tt.from, tid, tt.created})
	}
}

// writeCreated writes t's creation, once.
func (tr *tracer) writeCreated(t *loop.Task, tt *traceTask) {
	if tt.stepped {
		return
	}
	tt.stepped = true
	tid := t.TraceID
	b := tr.buf
	if tt.from != 0 {
		b = appendEvent(b, 'f', tt.created, tid)
		b = append(b, `,"name":"create","cat":"task","id":`...)
		b = strconv.AppendInt(b, int64(tid), 10)
		b = append(b, '}')
	}
	coro, at := taskOrigin(t)
	b = appendEvent(b, 'i', tt.created, tid)
	b = append(b, `,"s":"t","name":"created","args":{"coro":`...)
	b = appendString(b, coro+"()")
	if at.IsValid() {
		b = append(b, `,"at":`...)
		b = appendPos(b, at)
	}
	tr.done(append(b, "}}"...))
}

func (tr *tracer) StepStart(t *loop.Task) {
	tt := tr.task(t)
	if tt == nil {
		return
	}
	tr.writeCreated(t, tt)
	tt.start = tr.now()
	tt.fn, tt.pos, tt.resumed = taskPosition(t)
}

func (tr *tracer) StepEnd(t *loop.Task, ended bool) {
	tt := tr.task(t)
	if tt == nil {
		return
	}
	b := appendEvent(tr.buf, 'X', tt.start, t.TraceID)
	b = appendDur(b, tt.start, tr.now())
	b = append(b, `,"name":"`...)
	b = appendEscaped(b, tt.fn)
	at := tt.resumed && tt.pos.IsValid()
	if at {
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(tt.pos.Line), 10)
	}
	b = append(b, `","args":{`...)
	if at {
		b = append(b, `"resumed_at":`...)
		b = appendPos(b, tt.pos)
		if !ended {
			b = append(b, ',')
		}
	}
	if !ended {
		b = append(b, `"awaits":`...)
		b = appendString(b, describeWait(t.Waiter()))
	}
	tr.done(append(b, "}}"...))
	if len(tr.flows) > 0 {
		tr.flushFlows(t.TraceID)
	}
}

// TaskDone writes how t ended, and names its track.
func (tr *tracer) TaskDone(t *loop.Task) {
	tt := tr.task(t)
	if tt == nil {
		return
	}
	tr.writeCreated(t, tt)
	kind, text := describeOutcome(&t.Future)
	b := appendEvent(tr.buf, 'i', tr.now(), t.TraceID)
	b = append(b, `,"s":"t","name":"`+kind+`"`...)
	if kind == "result" || kind == "exception" {
		b = append(b, `,"args":{"`+kind+`":`...)
		b = appendString(b, text)
		b = append(b, '}')
	}
	tr.done(append(b, '}'))
	tr.nameTask(t, tt)
	tt.t = nil
}

func (tr *tracer) nameTask(t *loop.Task, tt *traceTask) {
	if !tt.named {
		tt.named = true
		tr.nameTrack(t.TraceID, t.Name())
	}
}

func (tr *tracer) CallbackStart(h *loop.Handle) {
	cb := traceCallback{start: tr.now()}
	if desc, ok := describeCallback(h); ok {
		cb.tid, cb.name = tr.loopTrack(h.Loop()), desc
	}
	tr.cbs = append(tr.cbs, cb)
}

func (tr *tracer) CallbackEnd(h *loop.Handle) {
	n := len(tr.cbs)
	if n == 0 {
		return
	}
	cb := tr.cbs[n-1]
	tr.cbs = tr.cbs[:n-1]
	if cb.tid == 0 {
		return
	}
	tr.slice(cb.tid, cb.start, cb.name)
	tr.flushFlows(cb.tid)
}

// slice writes a complete event named name on track tid, from start to
// now.
func (tr *tracer) slice(tid int, start float64, name string) {
	b := appendEvent(tr.buf, 'X', start, tid)
	b = appendDur(b, start, tr.now())
	b = append(b, `,"name":`...)
	b = appendString(b, name)
	tr.done(append(b, '}'))
}

// loopTrack returns the callback track of l, made on first use.
func (tr *tracer) loopTrack(l *loop.Loop) int {
	if tid, ok := tr.loops[l]; ok {
		return tid
	}
	name := "callbacks"
	if n := len(tr.loops); n > 0 {
		name += " (loop " + strconv.Itoa(n+1) + ")"
	}
	tid := tr.newTrack(name)
	tr.loops[l] = tid
	return tid
}

func (tr *tracer) OffLoopStart(f *loop.Future) {
	i := 0
	for i < len(tr.lanes) && tr.lanes[i].f != nil {
		i++
	}
	if i == len(tr.lanes) {
		name := "host calls"
		if i > 0 {
			name += " " + strconv.Itoa(i+1)
		}
		tr.lanes = append(tr.lanes, hostLane{tid: tr.newTrack(name)})
	}
	tr.lanes[i].f, tr.lanes[i].start = f, tr.now()
}

func (tr *tracer) OffLoopEnd(f *loop.Future) {
	for i := range tr.lanes {
		if tr.lanes[i].f == f {
			tr.endLane(&tr.lanes[i])
			return
		}
	}
}

func (tr *tracer) endLane(lane *hostLane) {
	name := lane.f.Label()
	if name == "" {
		name = "host call"
	}
	tr.slice(lane.tid, lane.start, name)
	lane.f = nil
}

// flushFlows writes the starts of the creation flows from track tid, once
// the slice they start in is written: a viewer binds a flow's start to the
// slice open on its track.
func (tr *tracer) flushFlows(tid int) {
	kept := tr.flows[:0]
	b := tr.buf
	for _, fl := range tr.flows {
		if fl.from != tid {
			kept = append(kept, fl)
			continue
		}
		b = appendEvent(b, 's', fl.ts, fl.from)
		b = append(b, `,"name":"create","cat":"task","id":`...)
		b = strconv.AppendInt(b, int64(fl.id), 10)
		b = append(b, '}')
	}
	tr.flows = kept
	tr.done(b)
}

// close ends the trace: what is still open is written as it stands, the
// tracks of tasks still pending are named, and the JSON is closed. It
// returns the first error of writing.
func (tr *tracer) close() error {
	if tr.ended {
		return tr.err
	}
	for len(tr.flows) > 0 {
		tr.flushFlows(tr.flows[0].from)
	}
	for i := range tr.lanes {
		if tr.lanes[i].f != nil {
			tr.endLane(&tr.lanes[i])
		}
	}
	for i := range tr.tasks {
		if tt := &tr.tasks[i]; tt.t != nil {
			tr.nameTask(tt.t, tt)
		}
	}
	tr.ended = true
	tr.buf = append(tr.buf, "\n],\"displayTimeUnit\":\"ms\"}\n"...)
	tr.write()
	return tr.err
}

// done takes b, the buffer with events added, writing it out when it is
// full. (Events are appended to a local slice, stored once: every store
// of tr.buf costs a write barrier while the garbage collector runs.)
func (tr *tracer) done(b []byte) {
	tr.buf = b
	if len(b) >= traceFlush {
		tr.write()
	}
}

func (tr *tracer) write() {
	if tr.err == nil && len(tr.buf) > 0 {
		_, tr.err = tr.w.Write(tr.buf)
	}
	tr.buf = tr.buf[:0]
}

// appendEvent begins an event: {"ph":ph,"ts":ts,"pid":1,"tid":tid; the
// caller adds the rest and the closing brace.
func appendEvent(b []byte, ph byte, ts float64, tid int) []byte {
	b = append(b, ",\n{\"ph\":\""...)
	b = append(b, ph)
	b = append(b, `","ts":`...)
	b = appendMicros(b, ts)
	b = append(b, `,"pid":1,"tid":`...)
	return strconv.AppendInt(b, int64(tid), 10)
}

// appendDur adds the duration of an event from start to end.
func appendDur(b []byte, start, end float64) []byte {
	b = append(b, `,"dur":`...)
	return appendMicros(b, max(end-start, 0))
}

// appendMicros appends secs as microseconds with three decimals (to the
// nanosecond), as strconv.AppendFloat(b, secs*1e6, 'f', 3, 64) does but
// faster, for the times that fit in an int64 of nanoseconds.
func appendMicros(b []byte, secs float64) []byte {
	ns := secs * 1e9
	if !(ns >= 0 && ns < 1<<62) {
		return strconv.AppendFloat(b, secs*1e6, 'f', 3, 64)
	}
	n := int64(ns + 0.5)
	b = strconv.AppendInt(b, n/1000, 10)
	r := n % 1000
	return append(b, '.', byte('0'+r/100), byte('0'+r/10%10), byte('0'+r%10))
}

// appendPos appends "file:line" as a JSON string.
func appendPos(b []byte, pos syntax.Position) []byte {
	b = append(b, '"')
	b = appendEscaped(b, pos.Filename())
	b = append(b, ':')
	b = strconv.AppendInt(b, int64(pos.Line), 10)
	return append(b, '"')
}

// appendString appends s as a JSON string.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	b = appendEscaped(b, s)
	return append(b, '"')
}

// appendEscaped appends s escaped for a JSON string; invalid UTF-8 becomes
// U+FFFD.
func appendEscaped(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				b = append(b, `\ufffd`...)
			} else {
				b = append(b, s[i:i+n]...)
			}
			i += n
			continue
		}
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c == '\n':
			b = append(b, `\n`...)
		case c == '\t':
			b = append(b, `\t`...)
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		default:
			b = append(b, c)
		}
		i++
	}
	return b
}

// loopTracer returns the tracer the runtime's loops report to, or nil.
func (rt *Runtime) loopTracer() loop.Tracer {
	if rt.tracer == nil {
		return nil // not a nil *tracer in an interface
	}
	return rt.tracer
}

// CloseTrace ends the timeline of Config.Trace, once no loop runs, and
// returns the error of writing it, if any.
func (rt *Runtime) CloseTrace() error {
	if rt.tracer == nil {
		return nil
	}
	return rt.tracer.close()
}
