// Package interp embeds asyncrun in Go programs: it runs Starlark scripts
// with Python asyncio semantics on an event loop of their own.
//
// An Interp is one interpreter: its own loops, clock, output streams and step
// budget, with no state shared with other interpreters, so many may run in
// one process at once, each on its own goroutine. An Interp's methods must
// not be called concurrently; run one script at a time on it.
package interp

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/asyncrun/asyncrun/builtins"
	"github.com/asyncrun/asyncrun/loop"
	"go.starlark.net/resolve"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// FileOptions are the Starlark dialect options asyncrun scripts use: while
// loops, top-level control flow, global reassignment, recursion and sets.
var FileOptions = &syntax.FileOptions{While: true, TopLevelControl: true, GlobalReassign: true, Recursion: true, Set: true}

// Options configure an interpreter. The zero value writes to os.Stdout and
// os.Stderr, runs in real time, and has no step limit.
type Options struct {
	Stdout, Stderr io.Writer
	// VirtualTime makes the clock stand still while code runs and jump to
	// the next timer when nothing is ready: sleeps return at once and runs
	// are deterministic.
	VirtualTime bool
	// Debug turns on asyncio debug mode for every loop.
	Debug bool
	// MaxSteps bounds the Starlark execution steps of the whole run, across
	// all tasks; 0 means no bound.
	MaxSteps uint64
	// Predeclared names are added to (and override) the standard ones.
	Predeclared starlark.StringDict
	// Args is sys.argv: the script's name, then its arguments.
	Args []string
	// Load, if set, replaces the default loader of load() statements, which
	// reads files relative to the loading script, inside LoadRoot.
	Load func(thread *starlark.Thread, module string) (starlark.StringDict, error)
	// LoadRoot is the folder the default loader may read from; empty means
	// the folder of the first file ExecFile runs. A load() that resolves
	// outside it fails unless LoadOutsideRoot is set.
	LoadRoot        string
	LoadOutsideRoot bool
	// MaxHostCalls bounds how many host functions (see AsyncFunc) run at
	// once; further calls wait for a slot. 0 means no bound.
	MaxHostCalls int
}

// Interp is an interpreter. Create it with New, run scripts with ExecFile,
// and Close it when done.
type Interp struct {
	opts        Options
	rt          *builtins.Runtime
	predeclared starlark.StringDict
	modules     map[string]*module
	root        string
	lv          *builtins.Loop // the loop of RunForever and the thread-safe calls
}

type module struct {
	globals starlark.StringDict
	err     error
	loading bool
}

// New returns an interpreter with the given options.
func New(opts Options) *Interp {
	it := &Interp{opts: opts, modules: make(map[string]*module)}
	load := opts.Load
	if load == nil {
		load = it.loadFile
	}
	it.rt = builtins.NewRuntime(builtins.Config{
		Stdout: opts.Stdout, Stderr: opts.Stderr, Clock: loop.NewClock(opts.VirtualTime),
		Debug: opts.Debug, MaxSteps: opts.MaxSteps, Load: load, Argv: opts.Args,
		MaxHostCalls: opts.MaxHostCalls,
	})
	it.predeclared = starlark.StringDict{}
	for k, v := range it.rt.Predeclared() {
		it.predeclared[k] = v
	}
	for k, v := range opts.Predeclared {
		it.predeclared[k] = v
	}
	return it
}

// Runtime returns the interpreter's runtime (see package builtins).
func (it *Interp) Runtime() *builtins.Runtime { return it.rt }

// Predeclared returns the names every script of the interpreter sees.
func (it *Interp) Predeclared() starlark.StringDict { return it.predeclared }

// ExecFile runs a script and returns its globals. src may be nil (the file
// is read), a string or []byte. Cancelling ctx interrupts the script and all
// its tasks; the error then wraps ctx's error.
func (it *Interp) ExecFile(ctx context.Context, filename string, src any) (starlark.StringDict, error) {
	if it.root == "" {
		it.root = it.opts.LoadRoot
		if it.root == "" {
			it.root = filepath.Dir(filename)
		}
		it.root, _ = filepath.Abs(it.root)
	}
	if text, err := sourceBytes(filename, src); err == nil {
		src = text
		it.rt.AddSource(filename, text)
	} else if _, ok := src.(io.Reader); ok {
		return nil, &Error{err: err}
	}
	thread := it.rt.NewThread("main")
	stop := context.AfterFunc(ctx, func() { it.rt.Interrupt(context.Cause(ctx).Error()) })
	defer stop()
	it.rt.Acquire(thread)
	globals, err := starlark.ExecFileOptions(FileOptions, thread, filename, src, it.predeclared)
	it.rt.Release(thread)
	if err != nil {
		err = withHint(err)
		if ctx.Err() != nil {
			return globals, &Error{err: err, ctxErr: context.Cause(ctx)}
		}
		return globals, &Error{err: err}
	}
	return globals, nil
}

// Close closes the interpreter's loops: pending tasks are reported and ended,
// and exceptions nobody retrieved are reported on stderr. Close ends every
// goroutine of the interpreter.
func (it *Interp) Close() error {
	it.rt.Close()
	return nil
}

// Error is a failed run: a script error (an uncaught exception, a syntax
// error, an interrupt).
type Error struct {
	err    error
	ctxErr error
}

// Error returns the error's last line, such as "ValueError: boom".
func (e *Error) Error() string {
	if e.ctxErr != nil {
		return fmt.Sprintf("interrupted: %v", e.ctxErr)
	}
	var ee *starlark.EvalError
	if errors.As(e.err, &ee) {
		return strings.TrimSpace(lastLine(builtins.FormatError(e.err)))
	}
	return e.err.Error()
}

// Traceback returns the full report: the traceback, then the error.
func (e *Error) Traceback() string {
	var se syntax.Error
	if errors.As(e.err, &se) {
		return se.Error() + "\n"
	}
	var rl resolve.ErrorList
	if errors.As(e.err, &rl) {
		var b strings.Builder
		for _, re := range rl {
			b.WriteString(re.Error() + "\n")
		}
		return b.String()
	}
	return builtins.FormatError(e.err)
}

// Unwrap returns the underlying error (and the context's error when the run
// was interrupted).
func (e *Error) Unwrap() []error {
	if e.ctxErr != nil {
		return []error{e.err, e.ctxErr}
	}
	return []error{e.err}
}

func lastLine(s string) string {
	s = strings.TrimRight(s, "\n")
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// sourceBytes returns the text of a script as ExecFile takes it: read from
// the file when src is nil, or src itself (a string, []byte or io.Reader).
func sourceBytes(filename string, src any) ([]byte, error) {
	switch src := src.(type) {
	case nil:
		return os.ReadFile(filename)
	case string:
		return []byte(src), nil
	case []byte:
		return src, nil
	case io.Reader:
		return io.ReadAll(src)
	}
	return nil, fmt.Errorf("invalid source: %T", src)
}

// loadFile is the default loader: module paths are relative to the folder
// of the loading script; each module is loaded once; cycles are errors.
func (it *Interp) loadFile(thread *starlark.Thread, name string) (starlark.StringDict, error) {
	path := name
	if !filepath.IsAbs(path) {
		from := thread.CallFrame(0).Pos.Filename()
		path = filepath.Join(filepath.Dir(from), name)
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if rel, err := filepath.Rel(it.root, path); !it.opts.LoadOutsideRoot && (err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator))) {
		return nil, fmt.Errorf("load: %s is outside the script root %s", name, it.root)
	}
	if m, ok := it.modules[path]; ok {
		if m.loading {
			return nil, fmt.Errorf("load: cycle in load graph: %s is being loaded", name)
		}
		return m.globals, m.err
	}
	m := &module{loading: true}
	it.modules[path] = m
	src, err := os.ReadFile(path)
	if err != nil {
		m.err = fmt.Errorf("load: %v", err)
	} else {
		it.rt.AddSource(path, src)
		th := it.rt.NewThread("load " + name)
		m.globals, m.err = starlark.ExecFileOptions(FileOptions, th, path, src, it.predeclared)
		m.err = withHint(m.err)
	}
	m.loading = false
	return m.globals, m.err
}
