package builtins

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"sync/atomic"

	"github.com/asyncrun/asyncrun/loop"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// Future is an asyncio Future or Task as scripts see it. Its type() is
// "Future" or "Task"; it is hashable by identity.
type Future struct {
	f         *loop.Future
	rt        *Runtime
	id        uint32
	coro      *Coroutine       // tasks only
	thread    *starlark.Thread // tasks only, once started
	threadPtr atomic.Pointer[starlark.Thread]
	repl      bool            // a REPL statement: its thread is marked repl
	created   syntax.Position // tasks only: where the task was made
	stackBase uintptr         // tasks only: see probeStack
}

var _ starlark.HasAttrs = (*Future)(nil)

// Loop returns the underlying loop future.
func (fv *Future) Loop() *loop.Future { return fv.f }

func (rt *Runtime) wrapFuture(f *loop.Future) *Future {
	if fv, ok := f.Value.(*Future); ok {
		return fv
	}
	fv := &Future{f: f, rt: rt, id: rt.nextID()}
	f.Value = fv
	return fv
}

func (fv *Future) Type() string {
	if fv.f.Task() != nil {
		return "Task"
	}
	return "Future"
}
func (fv *Future) Freeze()               {}
func (fv *Future) Truth() starlark.Bool  { return true }
func (fv *Future) Hash() (uint32, error) { return fv.id, nil }

// String returns a repr like CPython's: <Future pending>, <Future finished
// result=1>, <Task pending name='Task-1' coro=<main() running at x.star:3>>.
func (fv *Future) String() string {
	f := fv.f
	var b strings.Builder
	b.WriteString("<" + fv.Type() + " ")
	state := strings.ToLower(f.State().String())
	if t := f.Task(); t != nil {
		if t.Cancelling() > 0 && !f.Done() {
			state = "cancelling"
		}
		fmt.Fprintf(&b, "%s name=%s coro=<%s>", state, pyQuote(t.Name()), fv.coroDesc())
		if w := t.Waiter(); w != nil {
			fmt.Fprintf(&b, " wait_for=%s", fv.rt.wrapFuture(w).String())
		}
	} else {
		b.WriteString(state)
	}
	if !f.Done() {
		if cb := callbacksDesc(f.CallbackKeys()); cb != "" {
			b.WriteString(" cb=[" + cb + "]")
		}
	}
	if f.State() == loop.Finished {
		if e := f.PeekException(); e != nil {
			if ex, ok := toException(e).(*Exception); ok {
				b.WriteString(" exception=" + ex.Repr())
			} else {
				b.WriteString(" exception=" + e.Error())
			}
		} else {
			v, _ := f.Result()
			b.WriteString(" result=" + reprValue(fv.rt.toValue(v)))
		}
	}
	b.WriteString(">")
	return b.String()
}

// callbacksDesc lists a pending future's done callbacks as CPython's repr
// does ("Task.task_wakeup()", "got_result() at x.star:9"; more than two as
// first, <N more>, last). Callbacks the runtime added for itself (gather's,
// shield's) have no key and are left out.
func callbacksDesc(keys []any) string {
	var names []string
	for _, k := range keys {
		switch k := k.(type) {
		case *loop.Task:
			names = append(names, "Task.task_wakeup()")
		case *starlark.Function:
			pos := k.Position()
			names = append(names, fmt.Sprintf("%s() at %s:%d", k.Name(), pos.Filename(), pos.Line))
		case starlark.Callable:
			names = append(names, k.Name()+"()")
		}
	}
	switch n := len(names); {
	case n == 0:
		return ""
	case n > 2:
		return fmt.Sprintf("%s, <%d more>, %s", names[0], n-2, names[n-1])
	}
	return strings.Join(names, ", ")
}

func reprValue(v starlark.Value) string {
	if s, ok := v.(starlark.String); ok {
		return pyQuote(string(s))
	}
	if e, ok := v.(*Exception); ok {
		return e.Repr()
	}
	return v.String()
}

// coroDesc describes a task's coroutine: "main() running at x.star:3" or
// "main() done, defined at x.star:1".
func (fv *Future) coroDesc() string {
	c := fv.coro
	if c == nil {
		return "?"
	}
	if c.done || fv.f.Done() {
		if pos, ok := c.defPos(); ok {
			return fmt.Sprintf("%s() done, defined at %s:%d", c.name, pos.Filename(), pos.Line)
		}
		return c.name + "() done"
	}
	if fr, ok := fv.topFrame(); ok {
		return fmt.Sprintf("%s() running at %s:%d", c.name, fr.Pos.Filename(), fr.Pos.Line)
	}
	if pos, ok := c.defPos(); ok {
		return fmt.Sprintf("%s() running at %s:%d", c.name, pos.Filename(), pos.Line)
	}
	return c.name + "() running"
}

// topFrame returns the frame of the task's coroutine function where it is
// suspended now.
func (fv *Future) topFrame() (starlark.CallFrame, bool) {
	stack := fv.stack()
	if len(stack) == 0 {
		return starlark.CallFrame{}, false
	}
	return stack[0], true
}

// stack returns the frame get_stack() gives for a pending task.
//
// As in CPython, that is the frame of the task's own coroutine only, not of
// the coroutines it awaits: where it is suspended, or its def line if it has
// not started.
func (fv *Future) stack() starlark.CallStack {
	if fv.f.Done() || fv.coro == nil || fv.coro.native != nil {
		return nil
	}
	if fv.thread == nil {
		if pos, ok := fv.coro.defPos(); ok {
			return starlark.CallStack{{Name: fv.coro.name, Pos: pos}}
		}
		return nil
	}
	for _, fr := range fv.thread.CallStack() {
		if fr.Pos.Filename() != "<builtin>" {
			return starlark.CallStack{fr}
		}
	}
	return nil
}

// Attr returns the methods of a Future, and of a Task.
func (fv *Future) Attr(name string) (starlark.Value, error) {
	if m, ok := futureMethods[name]; ok {
		return m.BindReceiver(fv), nil
	}
	if fv.f.Task() != nil {
		if m, ok := taskMethods[name]; ok {
			return m.BindReceiver(fv), nil
		}
	}
	return nil, nil
}

// AttrNames lists the methods.
func (fv *Future) AttrNames() []string {
	names := make([]string, 0, len(futureMethods)+len(taskMethods))
	for n := range futureMethods {
		names = append(names, n)
	}
	if fv.f.Task() != nil {
		for n := range taskMethods {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

var futureMethods = map[string]*starlark.Builtin{
	"add_done_callback":    starlark.NewBuiltin("add_done_callback", futureAddDoneCallback),
	"cancel":               starlark.NewBuiltin("cancel", futureCancel),
	"cancelled":            starlark.NewBuiltin("cancelled", futureCancelled),
	"done":                 starlark.NewBuiltin("done", futureDone),
	"exception":            starlark.NewBuiltin("exception", futureException),
	"get_loop":             starlark.NewBuiltin("get_loop", futureGetLoop),
	"remove_done_callback": starlark.NewBuiltin("remove_done_callback", futureRemoveDoneCallback),
	"result":               starlark.NewBuiltin("result", futureResult),
	"set_exception":        starlark.NewBuiltin("set_exception", futureSetException),
	"set_result":           starlark.NewBuiltin("set_result", futureSetResult),
}

var taskMethods = map[string]*starlark.Builtin{
	"cancelling":  starlark.NewBuiltin("cancelling", taskCancelling),
	"get_coro":    starlark.NewBuiltin("get_coro", taskGetCoro),
	"get_name":    starlark.NewBuiltin("get_name", taskGetName),
	"get_stack":   starlark.NewBuiltin("get_stack", taskGetStack),
	"print_stack": starlark.NewBuiltin("print_stack", taskPrintStack),
	"set_name":    starlark.NewBuiltin("set_name", taskSetName),
	"uncancel":    starlark.NewBuiltin("uncancel", taskUncancel),
}

func recv(b *starlark.Builtin) *Future { return b.Receiver().(*Future) }

func futureCancel(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var msg starlark.Value = starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "msg?", &msg); err != nil {
		return nil, err
	}
	s := ""
	if msg != starlark.None {
		var ok bool
		if s, ok = starlark.AsString(msg); !ok {
			s = msg.String()
		} else if s == "" {
			s = emptyCancelMsg
		}
	}
	return starlark.Bool(recv(b).f.Cancel(s)), nil
}

func futureCancelled(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackArgs(b.Name(), args, kwargs); err != nil {
		return nil, err
	}
	return starlark.Bool(recv(b).f.Cancelled()), nil
}

func futureDone(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackArgs(b.Name(), args, kwargs); err != nil {
		return nil, err
	}
	return starlark.Bool(recv(b).f.Done()), nil
}

func futureResult(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackArgs(b.Name(), args, kwargs); err != nil {
		return nil, err
	}
	fv := recv(b)
	return fv.rt.outcome(fv.f.Result())
}

func futureException(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackArgs(b.Name(), args, kwargs); err != nil {
		return nil, err
	}
	fv := recv(b)
	e, err := fv.f.Exception()
	if err != nil {
		return nil, toException(err)
	}
	if e == nil {
		return starlark.None, nil
	}
	return fv.rt.toValue(e), nil
}

func futureSetResult(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	fv := recv(b)
	if fv.f.Task() != nil {
		return nil, newExc(exc.RuntimeError, "Task does not support set_result operation")
	}
	if err := fv.f.SetResult(v); err != nil {
		return nil, toException(err)
	}
	return starlark.None, nil
}

func futureSetException(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	fv := recv(b)
	if fv.f.Task() != nil {
		return nil, newExc(exc.RuntimeError, "Task does not support set_exception operation")
	}
	var e *Exception
	switch v := v.(type) {
	case *Exception:
		e = v
	case *ExceptionType:
		e = newException(v, nil)
	default:
		return nil, newExc(exc.TypeError, "set_exception: expected an exception, got %s", v.Type())
	}
	if err := fv.f.SetException(e); err != nil {
		return nil, toException(err)
	}
	return starlark.None, nil
}

func futureGetLoop(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackArgs(b.Name(), args, kwargs); err != nil {
		return nil, err
	}
	return recv(b).f.Loop().Value.(*Loop), nil
}

func futureAddDoneCallback(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fn starlark.Callable
	var ctx starlark.Value
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "fn", &fn, "context?", &ctx); err != nil {
		return nil, err
	}
	fv := recv(b)
	lv := fv.f.Loop().Value.(*Loop)
	fv.f.AddDoneCallback(func(f *loop.Future) {
		lv.call(fn, starlark.Tuple{fv.rt.wrapFuture(f)})
	}, fn)
	return starlark.None, nil
}

func futureRemoveDoneCallback(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fn starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &fn); err != nil {
		return nil, err
	}
	n := recv(b).f.RemoveDoneCallback(func(k any) bool {
		kv, ok := k.(starlark.Value)
		if !ok {
			return false
		}
		eq, err := starlark.Equal(kv, fn)
		return err == nil && eq
	})
	return starlark.MakeInt(n), nil
}

func taskGetName(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackArgs(b.Name(), args, kwargs); err != nil {
		return nil, err
	}
	return starlark.String(recv(b).f.Task().Name()), nil
}

func taskSetName(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	s, ok := starlark.AsString(v)
	if !ok {
		s = v.String()
	}
	recv(b).f.Task().SetName(s)
	return starlark.None, nil
}

func taskGetCoro(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackArgs(b.Name(), args, kwargs); err != nil {
		return nil, err
	}
	if c := recv(b).coro; c != nil {
		return c, nil
	}
	return starlark.None, nil
}

func taskCancelling(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackArgs(b.Name(), args, kwargs); err != nil {
		return nil, err
	}
	return starlark.MakeInt(recv(b).f.Task().Cancelling()), nil
}

func taskUncancel(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackArgs(b.Name(), args, kwargs); err != nil {
		return nil, err
	}
	return starlark.MakeInt(recv(b).f.Task().Uncancel()), nil
}

// stackFrames returns a task's frames as get_stack does: the frames where a
// pending task is suspended (newest limit of them), or the traceback of a
// failed one (oldest limit of them), or nothing.
func (fv *Future) stackFrames(limit int) starlark.CallStack {
	var frames starlark.CallStack
	if fv.f.Done() {
		if e, ok := toException(fv.f.PeekException()).(*Exception); ok && fv.f.PeekException() != nil {
			for _, fr := range e.Traceback {
				if fr.Pos.Filename() != "<builtin>" {
					frames = append(frames, fr)
				}
			}
			if limit >= 0 && len(frames) > limit {
				frames = frames[:limit]
			}
		}
		return frames
	}
	frames = fv.stack()
	if limit >= 0 && len(frames) > limit {
		frames = frames[len(frames)-limit:]
	}
	return frames
}

func unpackLimit(b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple, file *starlark.Value) (int, error) {
	var limit starlark.Value = starlark.None
	var err error
	if file != nil {
		err = starlark.UnpackArgs(b.Name(), args, kwargs, "limit?", &limit, "file?", file)
	} else {
		err = starlark.UnpackArgs(b.Name(), args, kwargs, "limit?", &limit)
	}
	if err != nil {
		return 0, err
	}
	if limit == starlark.None {
		return -1, nil
	}
	n, err := starlark.AsInt32(limit)
	if err != nil {
		return 0, newExc(exc.TypeError, "%s: limit must be an int or None", b.Name())
	}
	if n < 0 {
		n = 0
	}
	return n, nil
}

func taskGetStack(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	limit, err := unpackLimit(b, args, kwargs, nil)
	if err != nil {
		return nil, err
	}
	frames := recv(b).stackFrames(limit)
	out := make([]starlark.Value, len(frames))
	for i, fr := range frames {
		out[i] = newFrame(fr)
	}
	return starlark.NewList(out), nil
}

func taskPrintStack(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var file starlark.Value = starlark.None
	limit, err := unpackLimit(b, args, kwargs, &file)
	if err != nil {
		return nil, err
	}
	fv := recv(b)
	w, err := fv.rt.writerFor(file)
	if err != nil {
		return nil, err
	}
	frames := fv.stackFrames(limit)
	var sb strings.Builder
	switch {
	case len(frames) == 0:
		fmt.Fprintf(&sb, "No stack for %s\n", fv)
	case fv.f.Done():
		fmt.Fprintf(&sb, "Traceback for %s (most recent call last):\n", fv)
	default:
		fmt.Fprintf(&sb, "Stack for %s (most recent call last):\n", fv)
	}
	for _, fr := range frames {
		fmt.Fprintf(&sb, "  File \"%s\", line %d, in %s\n", fr.Pos.Filename(), fr.Pos.Line, fr.Name)
		if line := fv.rt.sourceLine(fr.Pos.Filename(), fr.Pos.Line); line != "" {
			fmt.Fprintf(&sb, "    %s\n", line)
		}
	}
	if fv.f.Done() {
		if e := fv.f.PeekException(); e != nil {
			sb.WriteString(toException(e).Error() + "\n")
		}
	}
	io.WriteString(w, sb.String())
	return starlark.None, nil
}

// newFrame describes one stack frame: a struct-like value with filename,
// lineno and name.
func newFrame(fr starlark.CallFrame) starlark.Value {
	return &frameValue{fr}
}

type frameValue struct{ fr starlark.CallFrame }

func (f *frameValue) String() string {
	return fmt.Sprintf("<frame at %s:%d, code %s>", f.fr.Pos.Filename(), f.fr.Pos.Line, f.fr.Name)
}
func (f *frameValue) Type() string          { return "frame" }
func (f *frameValue) Freeze()               {}
func (f *frameValue) Truth() starlark.Bool  { return true }
func (f *frameValue) Hash() (uint32, error) { return 0, fmt.Errorf("unhashable: frame") }
func (f *frameValue) Attr(name string) (starlark.Value, error) {
	switch name {
	case "filename":
		return starlark.String(f.fr.Pos.Filename()), nil
	case "lineno", "f_lineno":
		return starlark.MakeInt(int(f.fr.Pos.Line)), nil
	case "name":
		return starlark.String(f.fr.Name), nil
	}
	return nil, nil
}
func (f *frameValue) AttrNames() []string { return []string{"f_lineno", "filename", "lineno", "name"} }
