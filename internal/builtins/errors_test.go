package builtins

import (
	"errors"
	"testing"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
	"go.starlark.net/syntax"
)

// TestStarlarkErrors runs each form of go.starlark.net's runtime errors
// (see starlarkErrors) and checks its Python type and text, CPython 3.11's
// for the same Python code: if an upgrade of go.starlark.net changes a
// message, this fails instead of the type changing.
func TestStarlarkErrors(t *testing.T) {
	opts := &syntax.FileOptions{While: true, TopLevelControl: true, GlobalReassign: true, Recursion: true, Set: true}
	predeclared := starlark.StringDict{"struct": starlark.NewBuiltin("struct", starlarkstruct.Make)}
	for _, tc := range []struct{ src, typ, msg string }{
		{`{}["kiwi"]`, "KeyError", "'kiwi'"},
		{`"%.1f" % 2.5`, "ValueError", percentHintText(".")},
		{`"%5d" % 3`, "ValueError", percentHintText("5")},
		{`"%-3s|" % "a"`, "ValueError", percentHintText("-")},
		{`{}[5]`, "KeyError", "5"},
		{`{}[(1, "a")]`, "KeyError", "(1, 'a')"},
		{`[1][5]`, "IndexError", "list index out of range"},
		{`"ab"[5]`, "IndexError", "string index out of range"},
		{`(1,)[5]`, "IndexError", "tuple index out of range"},
		{`range(3)[5]`, "IndexError", "range object index out of range"},
		{`[][0]`, "IndexError", "list index out of range"},
		{`""[0]`, "IndexError", "string index out of range"},
		{`()[0]`, "IndexError", "tuple index out of range"},
		{`max([1, "b"])`, "TypeError", "'>' not supported between instances of 'str' and 'int'"},
		{`float("")`, "ValueError", "could not convert string to float: ''"},
		{`[].pop()`, "IndexError", "pop from empty list"},
		{`[1].pop(5)`, "IndexError", "pop index out of range"},
		{`{}.pop("k")`, "KeyError", "'pop: missing key'"},
		{`{}.popitem()`, "KeyError", "'popitem(): dictionary is empty'"},
		{`None.x`, "AttributeError", "'NoneType' object has no attribute 'x'"},
		{`"s".push`, "AttributeError", "'str' object has no attribute 'push'"},
		{`struct(a=1).b`, "AttributeError", "'struct' object has no attribute 'b'"},
		{`[1] + (2,)`, "TypeError", "unsupported operand type(s) for +: 'list' and 'tuple'"},
		{`1 + "a"`, "TypeError", "unsupported operand type(s) for +: 'int' and 'str'"},
		{`-"x"`, "TypeError", "bad operand type for unary -: 'str'"},
		{`1 < "a"`, "TypeError", "'<' not supported between instances of 'int' and 'str'"},
		{`sorted([3, "a"])`, "TypeError", "'<' not supported between instances of 'str' and 'int'"},
		{`int("x")`, "ValueError", "invalid literal for int() with base 10: 'x'"},
		{`float("abc")`, "ValueError", "could not convert string to float: 'abc'"},
		{`a, b = [1, 2, 3]`, "ValueError", "too many values to unpack (expected 2)"},
		{`a, b, c = [1, 2]`, "ValueError", "not enough values to unpack (expected 3, got 2)"},
		{`len(5)`, "TypeError", "object of type 'int' has no len()"},
		{`(5)()`, "TypeError", "'int' object is not callable"},
		{`f(1, 2, 3)`, "TypeError", "f() takes 1 positional argument but 3 were given"},
		{`g(1)`, "TypeError", "g() takes 0 positional arguments but 1 was given"},
		{`f(z=1)`, "TypeError", "f() got an unexpected keyword argument 'z'"},
		{`f()`, "TypeError", "f() missing 1 required positional argument: 'a'"},
		{`h()`, "TypeError", "h() missing 2 required positional arguments: 'a' and 'b'"},
		{`f(1, a=2)`, "TypeError", "f() got multiple values for argument 'a'"},
		{`[1].index(5)`, "ValueError", "list.index(x): x not in list"},
		{`[1].remove(5)`, "ValueError", "list.remove(x): x not in list"},
		{`"ab".index("z")`, "ValueError", "substring not found"},
		{`r(0)`, "RecursionError", "maximum recursion depth exceeded"},
		{`{[1]: 2}`, "TypeError", "unhashable type: 'list'"},
		{`1 // 0`, "ZeroDivisionError", "integer division or modulo by zero"},
		{`1 % 0`, "ZeroDivisionError", "integer modulo by zero"},
		{`1 / 0`, "ZeroDivisionError", "division by zero"},
		{`1.0 // 0.0`, "ZeroDivisionError", "integer division or modulo by zero"},
		{`1.0 % 0`, "ZeroDivisionError", "float modulo"},
		{"l = [1]\nfor x in l:\n    l.append(2)", "RuntimeError", "append: cannot append to list during iteration"},
		{`len()`, "TypeError", "len: got 0 arguments, want 1"},
		{`sorted([1], bogus=1)`, "TypeError", "sorted: unexpected keyword argument \"bogus\""},
		{`"a".split(1)`, "TypeError", "split: got int for separator, want string"},
		{`"%d" % "x"`, "TypeError", "%d format requires integer: cannot convert string to int"},
	} {
		src := "def f(a): return a\ndef g(): return 1\ndef h(a, b): return a\ndef r(n): return r(n + 1)\n" + tc.src + "\n"
		_, err := starlark.ExecFileOptions(opts, &starlark.Thread{}, "x.star", src, predeclared)
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
