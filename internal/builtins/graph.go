package builtins

import (
	"fmt"
	"io"
	"strings"

	"github.com/asyncrun/asyncrun/loop"
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// Call graphs, as Python 3.14's asyncio.capture_call_graph,
// format_call_graph and print_call_graph (Lib/asyncio/graph.py) make them:
// a future or task, the stack of frames its coroutine is suspended in
// (innermost first), and, recursively, the graphs of the futures that
// await it. What awaits what comes from package loop (Future.AwaitedBy):
// the tasks suspended on a future, the gather or shield future a future is
// part of, a TaskGroup's parent task, and, beyond CPython 3.14, the task in
// wait() or wait_for() on it.
//
// A task's stack is its thread's: every Starlark frame, innermost first;
// a frame is "async" when its function was made a coroutine function by
// asyncio.coroutine. Builtins (await_, with_, ...) have no frame there.
// Ids are not addresses: a Future or Task prints the number the runtime
// gave it when it was made (the counter reprs and hashes use), in hex, so
// a program prints the same ids on every run.

// graphFrame is one frame of a call graph.
type graphFrame struct {
	fr    starlark.CallFrame
	async bool
}

// callGraph is a FutureCallGraph(future, call_stack, awaited_by).
type callGraph struct {
	fut       *future
	frames    []graphFrame
	awaitedBy []*callGraph
}

var _ starlark.HasAttrs = (*callGraph)(nil)

func (g *callGraph) String() string {
	var b strings.Builder
	b.WriteString("FutureCallGraph(future=" + g.fut.String() + ", call_stack=")
	b.WriteString(g.callStack().String())
	b.WriteString(", awaited_by=")
	b.WriteString(g.parents().String())
	b.WriteString(")")
	return b.String()
}
func (g *callGraph) Type() string          { return "FutureCallGraph" }
func (g *callGraph) Freeze()               {}
func (g *callGraph) Truth() starlark.Bool  { return true }
func (g *callGraph) Hash() (uint32, error) { return 0, fmt.Errorf("unhashable: FutureCallGraph") }
func (g *callGraph) AttrNames() []string   { return []string{"awaited_by", "call_stack", "future"} }
func (g *callGraph) Attr(name string) (starlark.Value, error) {
	switch name {
	case "future":
		return g.fut, nil
	case "call_stack":
		return g.callStack(), nil
	case "awaited_by":
		return g.parents(), nil
	}
	return nil, nil
}

func (g *callGraph) callStack() starlark.Tuple {
	t := make(starlark.Tuple, len(g.frames))
	for i, fr := range g.frames {
		t[i] = &frameEntry{fr.fr}
	}
	return t
}

func (g *callGraph) parents() starlark.Tuple {
	t := make(starlark.Tuple, len(g.awaitedBy))
	for i, p := range g.awaitedBy {
		t[i] = p
	}
	return t
}

// frameEntry is a FrameCallGraphEntry(frame).
type frameEntry struct{ fr starlark.CallFrame }

var _ starlark.HasAttrs = (*frameEntry)(nil)

func (e *frameEntry) String() string {
	return "FrameCallGraphEntry(frame=" + (&frameValue{e.fr}).String() + ")"
}
func (e *frameEntry) Type() string          { return "FrameCallGraphEntry" }
func (e *frameEntry) Freeze()               {}
func (e *frameEntry) Truth() starlark.Bool  { return true }
func (e *frameEntry) Hash() (uint32, error) { return 0, fmt.Errorf("unhashable: FrameCallGraphEntry") }
func (e *frameEntry) AttrNames() []string   { return []string{"frame"} }
func (e *frameEntry) Attr(name string) (starlark.Value, error) {
	if name == "frame" {
		return &frameValue{e.fr}, nil
	}
	return nil, nil
}

// format writes the graph as format_call_graph does, each line ended.
func (g *callGraph) format(b *strings.Builder, level int) {
	indent := strings.Repeat("    ", level)
	if t := g.fut.f.Task(); t != nil {
		fmt.Fprintf(b, "%s* Task(name=%s, id=%#x)\n", indent, pyQuote(t.Name()), g.fut.id)
	} else {
		fmt.Fprintf(b, "%s* Future(id=%#x)\n", indent, g.fut.id)
	}
	if len(g.frames) > 0 {
		b.WriteString(indent + "  + Call stack:\n")
		for _, f := range g.frames {
			tag := ""
			if f.async {
				tag = "async "
			}
			fmt.Fprintf(b, "%s  |   File %s, line %d, in %s%s()\n", indent, pyQuote(f.fr.Pos.Filename()), f.fr.Pos.Line, tag, f.fr.Name)
		}
	}
	if len(g.awaitedBy) > 0 {
		b.WriteString(indent + "  + Awaited by:\n")
		for _, p := range g.awaitedBy {
			p.format(b, level+1)
		}
	}
}

// text returns the graph as format_call_graph does.
func (g *callGraph) text() string {
	if g == nil {
		return ""
	}
	var b strings.Builder
	g.format(&b, 0)
	return strings.TrimSuffix(b.String(), "\n")
}

// graphLimit is the limit argument: all frames (None), the innermost n
// (n > 0), the outermost -n (n < 0), or none (0).
type graphLimit struct {
	set bool
	n   int
}

func (lim graphLimit) apply(frames []graphFrame) []graphFrame {
	switch {
	case !lim.set:
		return frames
	case lim.n >= 0:
		return frames[:min(lim.n, len(frames))]
	}
	return frames[max(len(frames)+lim.n, 0):]
}

// markAsync records that the function defined at pos is a coroutine
// function's, for the "async" of call graphs.
func (rt *Runtime) markAsync(pos syntax.Position) {
	if rt.asyncDefs == nil {
		rt.asyncDefs = make(map[syntax.Position]bool)
	}
	rt.asyncDefs[pos] = true
}

// framesOf returns the Starlark frames of th, innermost first, skipping
// the first skip of them.
func (rt *Runtime) framesOf(th *starlark.Thread, skip int) []graphFrame {
	var out []graphFrame
	for i := 0; i < th.CallStackDepth(); i++ {
		fn, ok := th.DebugFrame(i).Callable().(*starlark.Function)
		if !ok {
			continue
		}
		if skip > 0 {
			skip--
			continue
		}
		out = append(out, graphFrame{th.CallFrame(i), rt.asyncDefs[fn.Position()]})
	}
	return out
}

// taskFrames returns the frames of a future's coroutine, innermost first:
// for a pending task, those of its thread, or, before it starts, its
// coroutine function's definition; nothing for a plain future or a task
// that is done.
func (rt *Runtime) taskFrames(fv *future) []graphFrame {
	if fv.f.Done() || fv.coro == nil {
		return nil
	}
	if th := fv.thread.Load(); th != nil {
		return rt.framesOf(th, 0)
	}
	if pos, ok := fv.coro.defPos(); ok {
		return []graphFrame{{starlark.CallFrame{Name: fv.coro.name, Pos: pos}, true}}
	}
	return nil
}

// graphOf returns the call graph of f. path holds the futures being
// graphed further down: an await that leads back to one of them (tasks
// that await each other) is left out.
func (rt *Runtime) graphOf(f *loop.Future, lim graphLimit, path []*loop.Future) *callGraph {
	g := &callGraph{fut: rt.wrapFuture(f)}
	if !lim.set || lim.n != 0 {
		g.frames = lim.apply(rt.taskFrames(g.fut))
	}
	g.awaitedBy = rt.parentGraphs(f, lim, path)
	return g
}

func (rt *Runtime) parentGraphs(f *loop.Future, lim graphLimit, path []*loop.Future) []*callGraph {
	path = append(path, f)
	var out []*callGraph
	for _, p := range f.AwaitedBy() {
		if !containsFuture(path, p) {
			out = append(out, rt.graphOf(p, lim, path))
		}
	}
	return out
}

func containsFuture(fs []*loop.Future, f *loop.Future) bool {
	for _, g := range fs {
		if g == f {
			return true
		}
	}
	return false
}

// captureGraph is capture_call_graph(fut, depth=depth, limit=lim) called
// on thread: the graph of fut, or, for None or the current task, of the
// current task from the depth-th frame of the caller's stack (1: the
// caller's own frame). It is nil when no task is current.
func (rt *Runtime) captureGraph(thread *starlark.Thread, fut starlark.Value, depth int, lim graphLimit) (*callGraph, error) {
	var cur *future
	if lv := rt.running; lv != nil {
		if t := lv.l.CurrentTask(); t != nil {
			cur = rt.wrapFuture(&t.Future)
		}
	}
	fv, _ := fut.(*future)
	switch {
	case fut != starlark.None && fv == nil:
		return nil, newExc(pyexc.TypeError, "%s object does not appear to be compatible with asyncio.Future", reprValue(fut))
	case fv != nil && (rt.running == nil || fv != cur):
		return rt.graphOf(fv.f, lim, nil), nil
	case fv == nil && rt.running == nil:
		return nil, newExc(pyexc.RuntimeError, "capture_call_graph() is called outside of a running event loop and no *future* to introspect was provided")
	case cur == nil:
		return nil, nil
	}
	g := &callGraph{fut: cur}
	if !lim.set || lim.n != 0 {
		g.frames = lim.apply(rt.framesOf(thread, depth-1))
	}
	g.awaitedBy = rt.parentGraphs(cur.f, lim, nil)
	return g, nil
}

// unpackGraphArgs reads (future=None, /, *, [file=None,] depth=1,
// limit=None).
func unpackGraphArgs(b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple, file *starlark.Value) (fut starlark.Value, depth int, lim graphLimit, err error) {
	fut = starlark.None
	if err = starlark.UnpackPositionalArgs(b.Name(), args, nil, 0, &fut); err != nil {
		return
	}
	depth = 1
	var limit starlark.Value = starlark.None
	if file != nil {
		err = starlark.UnpackArgs(b.Name(), nil, kwargs, "file?", file, "depth?", &depth, "limit?", &limit)
	} else {
		err = starlark.UnpackArgs(b.Name(), nil, kwargs, "depth?", &depth, "limit?", &limit)
	}
	if err != nil || limit == starlark.None {
		return
	}
	lim.set = true
	if lim.n, err = starlark.AsInt32(limit); err != nil {
		err = newExc(pyexc.TypeError, "%s: limit must be an int or None, got %s", b.Name(), limit.Type())
	}
	return
}

// captureCallGraph is asyncio.capture_call_graph(future=None, /, *,
// depth=1, limit=None).
func captureCallGraph(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	fut, depth, lim, err := unpackGraphArgs(b, args, kwargs, nil)
	if err != nil {
		return nil, err
	}
	g, err := rtOf(thread).captureGraph(thread, fut, depth, lim)
	if err != nil || g == nil {
		return starlark.None, err
	}
	return g, nil
}

// formatCallGraph is asyncio.format_call_graph(future=None, /, *,
// depth=1, limit=None): the graph as text, "" when no task is current.
func formatCallGraph(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	fut, depth, lim, err := unpackGraphArgs(b, args, kwargs, nil)
	if err != nil {
		return nil, err
	}
	g, err := rtOf(thread).captureGraph(thread, fut, depth, lim)
	if err != nil {
		return nil, err
	}
	return starlark.String(g.text()), nil
}

// printCallGraph is asyncio.print_call_graph(future=None, /, *, file=None,
// depth=1, limit=None): format_call_graph's text and a newline, on
// sys.stdout by default.
func printCallGraph(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var file starlark.Value = starlark.None
	fut, depth, lim, err := unpackGraphArgs(b, args, kwargs, &file)
	if err != nil {
		return nil, err
	}
	rt := rtOf(thread)
	w := rt.stdout
	if file != starlark.None {
		if w, err = rt.writerFor(file); err != nil {
			return nil, err
		}
	}
	g, err := rt.captureGraph(thread, fut, depth, lim)
	if err != nil {
		return nil, err
	}
	io.WriteString(w, g.text()+"\n")
	return starlark.None, nil
}

// DumpTasks writes to w the call graph of every pending task of the
// runtime's open loops, in the order the tasks were made, each as
// print_call_graph prints it, and returns how many it wrote. It is for the
// goroutine acting for the runtime's loops, between callbacks, or for any
// goroutine when no loop of the runtime runs and no script code does.
func (rt *Runtime) DumpTasks(w io.Writer) int {
	rt.mu.Lock()
	loops := append([]*eventLoop(nil), rt.loops...)
	rt.mu.Unlock()
	var b strings.Builder
	n := 0
	for _, lv := range loops {
		if lv.l.IsClosed() {
			continue
		}
		for _, t := range lv.l.Tasks() {
			b.WriteString(rt.graphOf(&t.Future, graphLimit{}, nil).text() + "\n")
			n++
		}
	}
	io.WriteString(w, b.String())
	return n
}

// OnRunningLoopThreadsafe runs fn on the goroutine of the runtime's loop
// that runs now or runs first from now on (between two of its callbacks),
// at most once however many loops run; it may be called from any
// goroutine. fn does not run if no loop runs again.
func (rt *Runtime) OnRunningLoopThreadsafe(fn func()) {
	ran := false // only the goroutine acting for the loops reads it
	rt.mu.Lock()
	defer rt.mu.Unlock()
	for _, lv := range rt.loops {
		l := lv.l
		l.CallSoonThreadsafe(func() {
			if l.IsRunning() && !ran {
				ran = true
				fn()
			}
		})
	}
}
