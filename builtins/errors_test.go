package builtins

import (
	"errors"
	"testing"

	"go.starlark.net/starlark"
)

// TestStarlarkErrorTypes pins the go.starlark.net errors that are mapped to
// Python types by their message (starlarkMessages): if an upgrade of
// go.starlark.net changes one, this fails instead of the type changing.
func TestStarlarkErrorTypes(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want *exceptionType
		msg  string
	}{
		{"1 // 0", exc.ZeroDivisionError, "integer division or modulo by zero"},
		{"1 % 0", exc.ZeroDivisionError, "integer modulo by zero"},
		{"1.0 / 0", exc.ZeroDivisionError, "division by zero"},
		{"1.0 // 0.0", exc.ZeroDivisionError, "integer division or modulo by zero"},
		{"1.0 % 0", exc.ZeroDivisionError, "float modulo"},
		{"1 / 0", exc.ZeroDivisionError, "division by zero"},
	} {
		_, err := starlark.Eval(&starlark.Thread{}, "x.star", tc.src, nil)
		var ee *starlark.EvalError
		if !errors.As(err, &ee) {
			t.Fatalf("%s: got %v, want an EvalError", tc.src, err)
		}
		e := toException(err).(*exception)
		if e.typ != tc.want || e.message() != tc.msg {
			t.Errorf("%s (%v): got %s: %s, want %s: %s", tc.src, err, e.typ.name, e.message(), tc.want.name, tc.msg)
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
