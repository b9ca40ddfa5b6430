package builtins

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/asyncrun/asyncrun/pyexc"
	"strings"

	"github.com/asyncrun/asyncrun/loop"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// FormatError formats an error as a traceback: "Traceback (most recent call
// last):", the frames (through each task the error ended, with where the
// task was created), then "Type: message". An exception's __cause__ (or
// its __context__, unless suppressed) comes first, with CPython's linking
// sentence. Errors that are not exceptions (an abort, say) give their text.
func FormatError(err error) string {
	e, ok := toException(err).(*exception)
	if !ok || (e.causeExc == nil && (e.contextExc == nil || e.suppressContext)) {
		return formatOne(err)
	}
	var b strings.Builder
	writeChain(&b, e, map[*exception]bool{})
	return b.String()
}

// writeChain writes e's chain, oldest first, then e; seen stops a cycle.
func writeChain(b *strings.Builder, e *exception, seen map[*exception]bool) {
	seen[e] = true
	switch {
	case e.causeExc != nil && !seen[e.causeExc]:
		writeChain(b, e.causeExc, seen)
		b.WriteString("\nThe above exception was the direct cause of the following exception:\n\n")
	case e.contextExc != nil && !e.suppressContext && !seen[e.contextExc]:
		writeChain(b, e.contextExc, seen)
		b.WriteString("\nDuring handling of the above exception, another exception occurred:\n\n")
	}
	b.WriteString(formatOne(e))
}

// formatOne formats one error, without its chain.
func formatOne(err error) string {
	var stack starlark.CallStack
	var tasks []taskFrames
	msg := err.Error()
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
	if len(stack) > 0 || len(tasks) > 0 {
		b.WriteString("Traceback (most recent call last):\n")
		writeFrames(&b, stack)
		for _, t := range tasks {
			fmt.Fprintf(&b, "  %s:\n", t.label)
			writeFrames(&b, t.frames)
		}
	}
	b.WriteString(msg + "\n")
	return b.String()
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
