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
	}{
		{"1 // 0", exc.ZeroDivisionError},
		{"1 % 0", exc.ZeroDivisionError},
		{"1.0 / 0", exc.ZeroDivisionError},
		{"1.0 // 0.0", exc.ZeroDivisionError},
		{"1.0 % 0", exc.ZeroDivisionError},
		{"1 / 0", exc.ZeroDivisionError},
		{"[][1]", exc.Exception},
	} {
		_, err := starlark.Eval(&starlark.Thread{}, "x.star", tc.src, nil)
		var ee *starlark.EvalError
		if !errors.As(err, &ee) {
			t.Fatalf("%s: got %v, want an EvalError", tc.src, err)
		}
		if got := toException(err).(*exception).typ; got != tc.want {
			t.Errorf("%s (%v): got %s, want %s", tc.src, err, got.name, tc.want.name)
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
