package builtins

import (
	"errors"
	"fmt"
	"strings"
	"syscall"

	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
)

// OSError and its subclasses, as Python's: OSError(errno, strerror[,
// filename]) has .errno, .strerror and .filename, prints "[Errno 111]
// Connection refused", and, called as OSError itself, makes the subclass
// of the errno (FileNotFoundError for ENOENT, ...), as CPython does.

// osError holds an OSError's fields (nil ones are None).
type osError struct {
	errno, strerror, filename starlark.Value
}

// errnoTypes maps errno values to the subclass OSError(errno, ...) makes.
var errnoTypes = map[syscall.Errno]*exceptionType{
	syscall.EPERM:        exc[pyexc.PermissionError],
	syscall.EACCES:       exc[pyexc.PermissionError],
	syscall.ENOENT:       exc[pyexc.FileNotFoundError],
	syscall.EEXIST:       exc[pyexc.FileExistsError],
	syscall.EISDIR:       exc[pyexc.IsADirectoryError],
	syscall.ENOTDIR:      exc[pyexc.NotADirectoryError],
	syscall.EPIPE:        exc[pyexc.BrokenPipeError],
	syscall.ESHUTDOWN:    exc[pyexc.BrokenPipeError],
	syscall.ECONNABORTED: exc[pyexc.ConnectionAbortedError],
	syscall.ECONNREFUSED: exc[pyexc.ConnectionRefusedError],
	syscall.ECONNRESET:   exc[pyexc.ConnectionResetError],
	syscall.ESRCH:        exc[pyexc.ProcessLookupError],
	syscall.ETIMEDOUT:    exc[pyexc.TimeoutError],
}

// newOSError makes an exception of t, a subtype of OSError, from its
// arguments as CPython's OSError.__new__ does.
func newOSError(t *exceptionType, args starlark.Tuple) *exception {
	e := &exception{typ: t, args: args, os: &osError{}}
	if len(args) < 2 || len(args) > 5 {
		return e
	}
	e.os.errno, e.os.strerror = args[0], args[1]
	if len(args) >= 3 {
		e.os.filename = args[2]
		e.args = args[:2]
	}
	if t == exc[pyexc.OSError] {
		if n, err := starlark.AsInt32(args[0]); err == nil {
			if sub, ok := errnoTypes[syscall.Errno(n)]; ok {
				e.typ = sub
			}
		}
	}
	return e
}

// osErrorOf returns the OSError a Go error stands for: the subclass of its
// errno with the system's message (capitalized, as C's strerror words it:
// "No space left on device"), or an OSError with the error's text.
func osErrorOf(err error) *exception {
	var n syscall.Errno
	if errors.As(err, &n) {
		msg := n.Error()
		if msg != "" {
			msg = strings.ToUpper(msg[:1]) + msg[1:]
		}
		return newOSError(exc[pyexc.OSError], starlark.Tuple{starlark.MakeInt(int(n)), starlark.String(msg)})
	}
	return &exception{typ: exc[pyexc.OSError], args: msgArgs(err.Error()), cause: err}
}

// message returns str() of an OSError with an errno: "[Errno 2] No such
// file or directory" (with ": 'name'" when it has a filename).
func (o *osError) message() (string, bool) {
	if o == nil || o.errno == nil {
		return "", false
	}
	s := fmt.Sprintf("[Errno %s] %s", strValue(o.errno), strValue(o.strerror))
	if o.filename != nil {
		s += ": " + reprValue(o.filename)
	}
	return s, true
}

// attr returns errno, strerror or filename (None for an OSError made
// without them).
func (o *osError) attr(name string) starlark.Value {
	if o == nil {
		o = &osError{}
	}
	var v starlark.Value
	switch name {
	case "errno":
		v = o.errno
	case "strerror":
		v = o.strerror
	case "filename":
		v = o.filename
	default:
		return nil
	}
	if v == nil {
		return starlark.None
	}
	return v
}
