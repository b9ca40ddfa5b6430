package interp_test

import (
	"context"
	"errors"
	"testing"

	"github.com/asyncrun/asyncrun/interp"
)

// TestGroupTraceback: the traceback of an uncaught exception group, from
// Error.Traceback and from the found *Exception's Traceback alike, is in
// CPython's boxed layout: the group's frames and line behind "| ", each
// sub-exception under its numbered separator with its own traceback and
// chain, the closing separator. (The layout itself is checked against
// CPython by the spec programs stderr/group_*; this is asyncrun's own
// text.)
func TestGroupTraceback(t *testing.T) {
	it := interp.New(interp.Options{VirtualTime: true})
	defer it.Close()
	_, err := it.ExecFile(context.Background(), "eg.star", `def fail(n):
    raise_(ValueError("bad %d" % n))
def caught(n):
    return try_(lambda: fail(n), except_={ValueError: lambda e: e})
def main():
    try_(lambda: {}["k"], except_={KeyError: lambda e: raise_(RuntimeError("lost"), from_=e)})
def wrap():
    return try_(main, except_={RuntimeError: lambda e: e})
raise_(ExceptionGroup("two", [caught(1), wrap()]))
`)
	want := `  + Exception Group Traceback (most recent call last):
  |   eg.star:9:7: in <toplevel>
  | ExceptionGroup: two (2 sub-exceptions)
  +-+---------------- 1 ----------------
    | Traceback (most recent call last):
    |   eg.star:9:37: in <toplevel>
    |   eg.star:4:16: in caught
    |   eg.star:4:29: in lambda
    |   eg.star:2:11: in fail
    | ValueError: bad 1
    +---------------- 2 ----------------
    | Traceback (most recent call last):
    |   eg.star:9:46: in <toplevel>
    |   eg.star:8:16: in wrap
    |   eg.star:6:9: in main
    |   eg.star:6:20: in lambda
    | KeyError: 'k'
    | 
    | The above exception was the direct cause of the following exception:
    | 
    | Traceback (most recent call last):
    |   eg.star:9:46: in <toplevel>
    |   eg.star:8:16: in wrap
    |   eg.star:6:9: in main
    |   eg.star:6:62: in lambda
    | RuntimeError: lost
    +------------------------------------
`
	var ie *interp.Error
	var x *interp.Exception
	if !errors.As(err, &ie) || !errors.As(err, &x) {
		t.Fatalf("not an *interp.Error with an *interp.Exception: %v", err)
	}
	if got := ie.Traceback(); got != want {
		t.Errorf("Error.Traceback():\n%s\nwant:\n%s", got, want)
	}
	if got := x.Traceback(); got != want {
		t.Errorf("Exception.Traceback():\n%s\nwant:\n%s", got, want)
	}
	if got, want := err.Error(), "ExceptionGroup: two (2 sub-exceptions)"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}
