package builtins

import (
	"errors"
	"testing"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
	"go.starlark.net/syntax"
)

// TestStarlarkErrors runs the forms of go.starlark.net's runtime errors
// (see starlarkErrors) whose Python type and text are asyncrun's own, and
// checks them: if an upgrade of go.starlark.net changes a message, this
// fails instead of the type changing. The forms whose text is CPython's
// are checked against CPython by the conformance suite
// (spec_tests/testdata/exceptions/runtime_messages.py and its twin).
func TestStarlarkErrors(t *testing.T) {
	opts := &syntax.FileOptions{While: true, TopLevelControl: true, GlobalReassign: true, Recursion: true, Set: true}
	predeclared := starlark.StringDict{"struct": starlark.NewBuiltin("struct", starlarkstruct.Make)}
	for _, tc := range []struct{ src, typ, msg string }{
		// Forms CPython has no counterpart for: Starlark's % takes no
		// flags, width or precision (CPython formats these); a struct
		// (CPython's SimpleNamespace says 'types.SimpleNamespace'); a list
		// changed while a loop iterates over it (CPython loops on).
		{`"%.1f" % 2.5`, "ValueError", percentHintText(".")},
		{`"%5d" % 3`, "ValueError", percentHintText("5")},
		{`"%-3s|" % "a"`, "ValueError", percentHintText("-")},
		{`struct(a=1).b`, "AttributeError", "'struct' object has no attribute 'b'"},
		{"l = [1]\nfor x in l:\n    l.append(2)", "RuntimeError", "append: cannot append to list during iteration"},
		// Messages that keep go.starlark.net's wording, as the message
		// does not carry what CPython's says (doc/dialect.md). CPython:
		// KeyError 'k'; 5 is not in list; float floor division by zero.
		{`{}.pop("k")`, "KeyError", "'pop: missing key'"},
		{`[1].index(5)`, "ValueError", "list.index(x): x not in list"},
		{`1.0 // 0.0`, "ZeroDivisionError", "integer division or modulo by zero"},
		// The argument errors of builtins: Starlark's text, CPython's
		// type. CPython: len() takes exactly one argument (0 given);
		// 'bogus' is an invalid keyword argument for sort(); must be str
		// or None, not int; %d format: a real number is required, not str.
		{`len()`, "TypeError", "len: got 0 arguments, want 1"},
		{`sorted([1], bogus=1)`, "TypeError", "sorted: unexpected keyword argument \"bogus\""},
		{`"a".split(1)`, "TypeError", "split: got int for separator, want string"},
		{`"%d" % "x"`, "TypeError", "%d format requires integer: cannot convert string to int"},
	} {
		_, err := starlark.ExecFileOptions(opts, &starlark.Thread{}, "x.star", tc.src+"\n", predeclared)
		var ee *starlark.EvalError
		if !errors.As(err, &ee) {
			t.Errorf("%s: got %v, want an EvalError", tc.src, err)
			continue
		}
		e := toException(err).(*exception)
		if e.typ.name != tc.typ || e.message() != tc.msg {
			t.Errorf("%s (%v): got %s: %s, want %s: %s", tc.src, errors.Unwrap(ee), e.typ.name, e.message(), tc.typ, tc.msg)
		}
	}
}

// TestAbortIsUncatchable: an interrupt stops script code with an error that
// keeps its type and cause through try_ and tasks.
func TestAbortIsUncatchable(t *testing.T) {
	rt := NewRuntime(Config{})
	cause := errors.New("stop now")
	rt.Interrupt(cause)
	err := rt.ExecTopLevel("main", func(th *starlark.Thread) error {
		_, err := starlark.ExecFile(th, "x.star", "try_(lambda: print('ran'), except_=lambda e: print('caught'))\n", rt.Predeclared())
		return err
	})
	if !errors.Is(err, cause) || !uncatchable(err) {
		t.Errorf("got %v, want the uncatchable abort wrapping %v", err, cause)
	}
	rt.Close()
}
