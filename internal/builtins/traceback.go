package builtins

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/asyncrun/asyncrun/pyexc"
	"strconv"
	"strings"

	"github.com/asyncrun/asyncrun/loop"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// FormatError formats an error as CPython 3.11's excepthook does, with
// asyncrun's frame lines: "Traceback (most recent call last):", the frames
// (through each task the error ended, with where the task was created),
// then "Type: message". An exception's __cause__ (or its __context__,
// unless suppressed) comes first, with CPython's linking sentence. An
// exception group is written in CPython's boxed layout (see
// tracebackPrinter.group). Errors that are not exceptions (an abort, say)
// give their text.
func FormatError(err error) string {
	e, ok := toException(err).(*exception)
	if !ok {
		msg, frames := formatParts(err)
		if frames != "" {
			return "Traceback (most recent call last):\n" + frames + msg + "\n"
		}
		return msg + "\n"
	}
	p := &tracebackPrinter{seen: map[*exception]bool{}}
	p.exception(e, err)
	return p.b.String()
}

// CPython's limits on the groups a traceback shows
// (traceback.TracebackException's max_group_width and max_group_depth):
// the sub-exceptions after the 15th are counted, not written, and a group
// nested deeper than 10 is written "... (max_group_depth is 10)".
const (
	maxGroupWidth = 15
	maxGroupDepth = 10
)

// The sentences that link an exception to its __cause__ and __context__.
const (
	causeMessage   = "The above exception was the direct cause of the following exception:"
	contextMessage = "During handling of the above exception, another exception occurred:"
)

// tracebackPrinter writes a traceback as CPython's print_exception_recursive
// (Python/pythonrun.c) does: inside an exception group, every line has a
// margin, two spaces a level of nesting then "| " (the group's own header
// "+ " at the top level), and each sub-exception is opened by a numbered
// separator.
type tracebackPrinter struct {
	b         strings.Builder
	depth     int  // the exception_group_depth: 0 outside any group
	needClose bool // the closing separator is still to be written
	// seen holds the exceptions written or being written, so that a chain
	// that loops, or that reaches an exception already written, stops.
	seen map[*exception]bool
}

// indent is the margin's indentation, two spaces a level.
func (p *tracebackPrinter) indent() string { return strings.Repeat("  ", p.depth) }

// margin is what starts a line at the current depth: nothing outside a
// group, else the indentation then "| ".
func (p *tracebackPrinter) margin() string {
	if p.depth == 0 {
		return ""
	}
	return p.indent() + "| "
}

// line writes one line with the margin.
func (p *tracebackPrinter) line(s string) { p.b.WriteString(p.margin() + s + "\n") }

// exception writes e, its chain first. err is the error e came as (at the
// top, an error carrying the stack of the failed call), or e itself.
func (p *tracebackPrinter) exception(e *exception, err error) {
	p.seen[e] = true
	switch {
	case e.causeExc != nil:
		if !p.seen[e.causeExc] {
			p.chained(e.causeExc, causeMessage)
		}
	case e.contextExc != nil && !e.suppressContext && !p.seen[e.contextExc]:
		p.chained(e.contextExc, contextMessage)
	}
	if e.group == nil {
		p.one(e, err)
	} else {
		p.group(e, err)
	}
}

// chained writes x, an exception of the chain, then the sentence linking
// it to the one after it.
func (p *tracebackPrinter) chained(x *exception, sentence string) {
	needClose := p.needClose
	p.exception(x, x)
	p.needClose = needClose
	p.line("")
	p.line(sentence)
	p.line("")
}

// one writes an exception without its chain: its traceback, when it has
// one, then its line. A group's traceback is headed "Exception Group
// Traceback", with the margin "+ " at the top level.
func (p *tracebackPrinter) one(e *exception, err error) {
	msg, frames := formatParts(err)
	if frames != "" {
		switch {
		case e.group == nil:
			p.line("Traceback (most recent call last):")
		case p.depth == 1:
			p.b.WriteString(p.indent() + "+ Exception Group Traceback (most recent call last):\n")
		default:
			p.line("Exception Group Traceback (most recent call last):")
		}
		for _, fr := range strings.SplitAfter(strings.TrimSuffix(frames, "\n"), "\n") {
			p.line(strings.TrimSuffix(fr, "\n"))
		}
	}
	// As CPython's, only the message's first line has the margin.
	p.line(msg)
}

// group writes an exception group: its traceback and line, then each
// sub-exception (up to maxGroupWidth) under a numbered separator, one
// level deeper, and a closing separator after the last. Past
// maxGroupDepth it writes only "... (max_group_depth is 10)".
func (p *tracebackPrinter) group(e *exception, err error) {
	if p.depth > maxGroupDepth {
		p.line(fmt.Sprintf("... (max_group_depth is %d)", maxGroupDepth))
		return
	}
	if p.depth == 0 {
		p.depth++
	}
	p.one(e, err)
	excs := e.group.excs
	n := min(len(excs), maxGroupWidth+1)
	p.needClose = false
	for i := 0; i < n; i++ {
		last := i == n-1
		if last {
			p.needClose = true // a nested group may write it
		}
		open, title := "  ", strconv.Itoa(i+1)
		if i == 0 {
			open = "+-"
		}
		truncated := i >= maxGroupWidth
		if truncated {
			title = "..."
		}
		p.b.WriteString(p.indent() + open + "+---------------- " + title + " ----------------\n")
		p.depth++
		if truncated {
			more := len(excs) - maxGroupWidth
			p.line(fmt.Sprintf("and %d more exception%s", more, plural(more)))
		} else {
			sub := excs[i].(*exception)
			p.exception(sub, sub)
		}
		if last && p.needClose {
			p.b.WriteString(p.indent() + "+------------------------------------\n")
			p.needClose = false
		}
		p.depth--
	}
	if p.depth == 1 {
		p.depth--
	}
}

// formatParts returns an error's line ("Type: message") and its frames,
// each an indented line ending in a newline ("" when it has none): the
// call stack it failed with, or, for an exception raised deeper or in a
// task, where it was raised and the tasks it ended.
func formatParts(err error) (msg, frames string) {
	var stack starlark.CallStack
	var tasks []taskFrames
	msg = err.Error()
	var ee *starlark.EvalError
	var ae *abortError
	if errors.As(err, &ae) {
		stack = ae.stack
	} else if errors.As(err, &ee) {
		stack, msg = ee.CallStack, ee.Msg
	}
	if e, ok := toException(err).(*exception); ok {
		msg, tasks = e.tracebackLine(), e.tasks
		if len(tasks) == 0 && len(e.traceback) > len(stack) {
			// Raised deeper than the error that carries it: in a loaded
			// module, or in a function a builtin called back.
			stack = e.traceback
		}
		if len(tasks) > 0 && sameFrames(stack, tasks[0].frames) {
			stack = nil // the error came straight out of the task
		}
	}
	var b strings.Builder
	writeFrames(&b, stack)
	for _, t := range tasks {
		fmt.Fprintf(&b, "  %s:\n", t.label)
		writeFrames(&b, t.frames)
	}
	return msg, b.String()
}

// ExceptionOf returns the type name, kind and message (str()) of the
// script exception err is or wraps. The kind is the type's or, for a type
// the script made, that of its nearest base that is one.
func ExceptionOf(err error) (typeName string, kind pyexc.Kind, message string, ok bool) {
	var e *exception
	if !errors.As(err, &e) {
		if e, ok = toException(err).(*exception); !ok || err == nil {
			return "", 0, "", false
		}
	}
	return e.typ.name, exc.kindOf(e.typ), e.message(), true
}

func sameFrames(a, b starlark.CallStack) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Pos != b[i].Pos || a[i].Name != b[i].Name {
			return false
		}
	}
	return true
}

// writeFrames writes the script frames of a stack, oldest first. As in
// CPython, a frame repeated more than three times in a row (deep
// recursion) is written three times, then "[Previous line repeated N more
// times]".
func writeFrames(b *strings.Builder, stack starlark.CallStack) {
	var last starlark.CallFrame
	repeats := 0
	flush := func() {
		if repeats > 3 {
			fmt.Fprintf(b, "  [Previous line repeated %d more time%s]\n", repeats-3, plural(repeats-3))
		}
	}
	for _, fr := range stack {
		if fr.Pos.Filename() == "<builtin>" {
			continue
		}
		if repeats > 0 && fr == last {
			if repeats++; repeats > 3 {
				continue
			}
		} else {
			flush()
			last, repeats = fr, 1
		}
		fmt.Fprintf(b, "  %s: in %s\n", fr.Pos, fr.Name)
	}
	flush()
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// callerPos returns where the running script code called the builtin being
// run: the newest frame that is not a builtin.
func (rt *Runtime) callerPos() syntax.Position {
	if th := rt.scriptThread(); th != nil {
		for i := 0; i < th.CallStackDepth(); i++ {
			if fr := th.CallFrame(i); fr.Pos.Filename() != "<builtin>" {
				return fr.Pos
			}
		}
	}
	return syntax.Position{}
}

func deadlockMessage(de *loop.DeadlockError) string {
	var b strings.Builder
	b.WriteString("deadlock: the awaited future can never complete (no callback is ready, no timer is set and no outside work is pending)")
	if len(de.Pending) > 0 {
		b.WriteString("; pending tasks:")
		for _, t := range de.Pending {
			if fv, ok := t.Value.(*future); ok {
				b.WriteString("\n  " + fv.String())
				if w := t.Waiter(); w != nil && w.Label() != "" {
					b.WriteString("\n    waiting on " + w.Label())
					if fr, ok := fv.topFrame(); ok {
						fmt.Fprintf(&b, " at %s:%d", fr.Pos.Filename(), fr.Pos.Line)
					}
				}
			}
		}
	}
	return b.String()
}

// AddSource records the text of the script file filename, so that
// Task.print_stack can show the source line of each frame, as CPython does.
// It may be called from any goroutine.
func (rt *Runtime) AddSource(filename string, src []byte) {
	rt.sourcesMu.Lock()
	defer rt.sourcesMu.Unlock()
	if rt.sources == nil {
		rt.sources = make(map[string][]byte)
	}
	rt.sources[filename] = src
}

// sourceLine returns line n (from 1) of the recorded file filename, without
// its leading and trailing white space, or "" if it is not known.
func (rt *Runtime) sourceLine(filename string, n int32) string {
	rt.sourcesMu.Lock()
	src := rt.sources[filename]
	rt.sourcesMu.Unlock()
	for i := int32(1); i < n && len(src) > 0; i++ {
		if j := bytes.IndexByte(src, '\n'); j >= 0 {
			src = src[j+1:]
		} else {
			src = nil
		}
	}
	if j := bytes.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	return strings.TrimSpace(string(src))
}

// frameValue is one frame of get_stack(): filename, lineno and name.
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
