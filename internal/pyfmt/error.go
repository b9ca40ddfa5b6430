package pyfmt

import "github.com/asyncrun/asyncrun/pyexc"

// Error is a formatting error as CPython reports it: the exception type's
// kind (ValueError, TypeError or OverflowError) and its message.
type Error struct {
	Kind pyexc.Kind // ValueError, TypeError or OverflowError
	Msg  string     // CPython's message, e.g. "Unknown format code 'd' for object of type 'float'"
}

// Error returns the message, without the type.
func (e *Error) Error() string { return e.Msg }

func valueError(msg string) *Error { return &Error{Kind: pyexc.ValueError, Msg: msg} }
