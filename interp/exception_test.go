package interp_test

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/asyncrun/asyncrun/interp"
	"go.starlark.net/starlark"
)

// TestExceptionBackByKind: an *Exception a host function returns reaches
// the script as the exception type its Type names, by kind (a builtin, an
// asyncio or a socket type); a Type that names no type is a RuntimeError
// saying so, not a silent Exception; an exception a script raised of a
// type it made crosses back as its nearest predeclared base; and
// ToStarlark refuses an unknown Type with ErrUnknownExceptionType.
func TestExceptionBackByKind(t *testing.T) {
	ctx := context.Background()
	first := interp.New(interp.Options{})
	defer first.Close()
	_, err := first.ExecFile(ctx, "raise.star", `TransientError = type("TransientError", (ConnectionError,), {})
raise_(TransientError("reset by peer"))
`)
	var made *interp.Exception
	if !errors.As(err, &made) || made.Type != "TransientError" {
		t.Fatalf("the script's exception: %v", err)
	}

	fail := interp.Func("fail", func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		name, _ := starlark.AsString(args[0])
		if name == "made" {
			return nil, made
		}
		return nil, interp.NewException(name, "m")
	})
	var out bytes.Buffer
	it := interp.New(interp.Options{Stdout: &out, Predeclared: starlark.StringDict{"fail": fail}})
	defer it.Close()
	_, err = it.ExecFile(ctx, "back.star", `for name in ["KeyError", "TimeoutError", "QueueFull", "gaierror", "NoSuchError", "made"]:
    try_(lambda: fail(name), except_=lambda e: print(type(e).__name__, isinstance(e, ConnectionError), str(e)))
`)
	if err != nil {
		t.Fatal(err)
	}
	want := `KeyError False 'm'
TimeoutError False m
QueueFull False m
gaierror False m
RuntimeError False fail: unknown exception type 'NoSuchError'
ConnectionError True reset by peer
`
	if out.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", out.String(), want)
	}

	if _, err := interp.ToStarlark(interp.NewException("NoSuchError", "m")); !errors.Is(err, interp.ErrUnknownExceptionType) {
		t.Errorf("ToStarlark of an unknown type: %v, want ErrUnknownExceptionType", err)
	}
	if v, err := interp.ToStarlark(interp.NewException("ValueError", "m")); err != nil || v.Type() != "ValueError" {
		t.Errorf("ToStarlark of a ValueError: %v, %v", v, err)
	}
}
