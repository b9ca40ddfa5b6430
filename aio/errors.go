package aio

import (
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"syscall"

	"github.com/asyncrun/asyncrun/pyexc"
)

// Error is a failure of this package that stands for a Python exception
// of the kind it names (pyexc.ValueError, pyexc.RuntimeError,
// pyexc.ConnectionResetError, ...); the embedding layer raises that type
// with Msg.
type Error struct {
	Kind pyexc.Kind
	Msg  string
}

// Error returns "Kind: Msg".
func (e *Error) Error() string { return e.Kind.String() + ": " + e.Msg }

func errorf(k pyexc.Kind, format string, args ...any) *Error {
	return &Error{Kind: k, Msg: fmt.Sprintf(format, args...)}
}

// IncompleteReadError is asyncio.IncompleteReadError: the stream ended
// before the bytes a read wanted. Expected is -1 when the read wanted a
// separator rather than a count.
type IncompleteReadError struct {
	Partial  []byte
	Expected int
}

// Error returns CPython's text: "3 bytes read on a total of 5 expected
// bytes" ("undefined" for no count).
func (e *IncompleteReadError) Error() string {
	exp := "undefined"
	if e.Expected >= 0 {
		exp = strconv.Itoa(e.Expected)
	}
	return fmt.Sprintf("%d bytes read on a total of %s expected bytes", len(e.Partial), exp)
}

// LimitOverrunError is asyncio.LimitOverrunError: the separator was not
// found within the stream's limit. The data stays in the buffer; Consumed
// is how many bytes must be consumed to get past it.
type LimitOverrunError struct {
	Msg      string
	Consumed int
}

// Error returns the message.
func (e *LimitOverrunError) Error() string { return e.Msg }

// OSError is a system error as CPython words it for the operation:
// "[Errno 111] Connect call failed ('127.0.0.1', 8080)" is Errno 111 with
// that Msg; "[Errno 2] No such file or directory: 'nosuch'" is Errno 2,
// the system's text and Filename "nosuch".
type OSError struct {
	Errno    syscall.Errno
	Msg      string
	Filename string // "" for none
	Err      error
}

// Error returns "[Errno N] Msg" (with ": 'filename'").
func (e *OSError) Error() string {
	s := fmt.Sprintf("[Errno %d] %s", int(e.Errno), e.Msg)
	if e.Filename != "" {
		s += ": '" + e.Filename + "'"
	}
	return s
}

// Unwrap returns the system's error.
func (e *OSError) Unwrap() error { return e.Err }

// GAIError is socket.gaierror: a host name that did not resolve, as
// CPython words getaddrinfo's failure: "[Errno -2] Name or service not
// known". It names neither the host's resolver nor its configuration.
type GAIError struct {
	Code int    // getaddrinfo's code: -2 (EAI_NONAME), -3 (EAI_AGAIN)
	Msg  string // its text
	Err  error  // the resolver's error
}

// Error returns "[Errno -2] Name or service not known".
func (e *GAIError) Error() string { return fmt.Sprintf("[Errno %d] %s", e.Code, e.Msg) }

// Unwrap returns the resolver's error.
func (e *GAIError) Unwrap() error { return e.Err }

// lookupError returns err as a GAIError when it is a failed name lookup.
func lookupError(err error) (error, bool) {
	var dns *net.DNSError
	if !errors.As(err, &dns) {
		return err, false
	}
	if dns.IsNotFound {
		return &GAIError{Code: -2, Msg: "Name or service not known", Err: err}, true
	}
	return &GAIError{Code: -3, Msg: "Temporary failure in name resolution", Err: err}, true
}

// connectError returns err, a failed dial of host:port, as an OSError when
// it carries an errno, as a GAIError when the host did not resolve.
func connectError(err error, host string, port int) error {
	if gai, ok := lookupError(err); ok {
		return gai
	}
	var n syscall.Errno
	if !errors.As(err, &n) {
		return err
	}
	return &OSError{Errno: n, Msg: fmt.Sprintf("Connect call failed ('%s', %d)", host, port), Err: err}
}

// bindError returns err, a failed listen on host:port, as an OSError when
// it carries an errno.
func bindError(err error, host string, port int) error {
	if gai, ok := lookupError(err); ok {
		return gai
	}
	var n syscall.Errno
	if !errors.As(err, &n) {
		return err
	}
	return &OSError{Errno: n, Msg: fmt.Sprintf("error while attempting to bind on address ('%s', %d): %s", host, port, n.Error()), Err: err}
}

// strerror returns C's text of errno n: "No such file or directory".
func strerror(n syscall.Errno) string {
	s := n.Error()
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// pathError returns err, a failed operation on the file name, as an
// OSError with the file's name when it carries an errno.
func pathError(err error, name string) error {
	var n syscall.Errno
	if !errors.As(err, &n) {
		return err
	}
	return &OSError{Errno: n, Msg: strerror(n), Filename: name, Err: err}
}

// ErrClosed is the error of an operation on an Env that was closed: the
// interpreter is closing.
var ErrClosed = errors.New("aio: the interpreter's I/O is closed")

// ErrInterrupted is the error of an open that Env.InterruptOpens
// interrupted.
var ErrInterrupted = errors.New("aio: interrupted")
