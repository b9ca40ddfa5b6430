// Package pyexc is the one vocabulary of Python exception kinds that every
// layer of asyncrun names: package loop's and aio's errors carry a Kind,
// and the Starlark face (internal/builtins) makes the exception type of
// each Kind from the table below. It is a leaf, in the spirit of Go's
// internal/oserror that syscall and io/fs share: it imports nothing.
//
// Hosts meet it in the errors of loop and aio (loop.Error.Kind,
// aio.Error.Kind). A new exception type is one constant and one row of
// kinds; naming a kind that does not exist is a compile error.
package pyexc

// Kind names a Python exception type.
type Kind uint8

// The kinds, in Python 3.11's hierarchy: a base comes before its subtypes.
const (
	BaseException Kind = iota
	SystemExit
	KeyboardInterrupt
	GeneratorExit
	BaseExceptionGroup
	CancelledError
	Exception
	ArithmeticError
	ZeroDivisionError
	OverflowError
	AssertionError
	AttributeError
	EOFError
	LookupError
	IndexError
	KeyError
	MemoryError
	NameError
	RuntimeError
	NotImplementedError
	RecursionError
	OSError
	ConnectionError
	BrokenPipeError
	ConnectionAbortedError
	ConnectionRefusedError
	ConnectionResetError
	FileExistsError
	FileNotFoundError
	IsADirectoryError
	NotADirectoryError
	PermissionError
	ProcessLookupError
	TimeoutError
	Gaierror
	StopIteration
	TypeError
	ValueError
	UnicodeError
	ExceptionGroup
	InvalidStateError
	BrokenBarrierError
	QueueEmpty
	QueueFull
	IncompleteReadError
	LimitOverrunError

	// NumKinds is the number of kinds.
	NumKinds
)

// Info describes a kind: its Python name, its base (a kind is its own base
// only for the root, BaseException) and the module that defines it ("" for
// the builtins).
type Info struct {
	Name   string
	Base   Kind
	Module string
}

// kinds is the table of kinds.
var kinds = [NumKinds]Info{
	BaseException:          {"BaseException", BaseException, ""},
	SystemExit:             {"SystemExit", BaseException, ""},
	KeyboardInterrupt:      {"KeyboardInterrupt", BaseException, ""},
	GeneratorExit:          {"GeneratorExit", BaseException, ""},
	BaseExceptionGroup:     {"BaseExceptionGroup", BaseException, ""},
	CancelledError:         {"CancelledError", BaseException, "asyncio"},
	Exception:              {"Exception", BaseException, ""},
	ArithmeticError:        {"ArithmeticError", Exception, ""},
	ZeroDivisionError:      {"ZeroDivisionError", ArithmeticError, ""},
	OverflowError:          {"OverflowError", ArithmeticError, ""},
	AssertionError:         {"AssertionError", Exception, ""},
	AttributeError:         {"AttributeError", Exception, ""},
	EOFError:               {"EOFError", Exception, ""},
	LookupError:            {"LookupError", Exception, ""},
	IndexError:             {"IndexError", LookupError, ""},
	KeyError:               {"KeyError", LookupError, ""},
	MemoryError:            {"MemoryError", Exception, ""},
	NameError:              {"NameError", Exception, ""},
	RuntimeError:           {"RuntimeError", Exception, ""},
	NotImplementedError:    {"NotImplementedError", RuntimeError, ""},
	RecursionError:         {"RecursionError", RuntimeError, ""},
	OSError:                {"OSError", Exception, ""},
	ConnectionError:        {"ConnectionError", OSError, ""},
	BrokenPipeError:        {"BrokenPipeError", ConnectionError, ""},
	ConnectionAbortedError: {"ConnectionAbortedError", ConnectionError, ""},
	ConnectionRefusedError: {"ConnectionRefusedError", ConnectionError, ""},
	ConnectionResetError:   {"ConnectionResetError", ConnectionError, ""},
	FileExistsError:        {"FileExistsError", OSError, ""},
	FileNotFoundError:      {"FileNotFoundError", OSError, ""},
	IsADirectoryError:      {"IsADirectoryError", OSError, ""},
	NotADirectoryError:     {"NotADirectoryError", OSError, ""},
	PermissionError:        {"PermissionError", OSError, ""},
	ProcessLookupError:     {"ProcessLookupError", OSError, ""},
	TimeoutError:           {"TimeoutError", OSError, ""},
	Gaierror:               {"gaierror", OSError, "socket"},
	StopIteration:          {"StopIteration", Exception, ""},
	TypeError:              {"TypeError", Exception, ""},
	ValueError:             {"ValueError", Exception, ""},
	UnicodeError:           {"UnicodeError", ValueError, ""},
	ExceptionGroup:         {"ExceptionGroup", Exception, ""},
	InvalidStateError:      {"InvalidStateError", Exception, "asyncio"},
	BrokenBarrierError:     {"BrokenBarrierError", RuntimeError, "asyncio"},
	QueueEmpty:             {"QueueEmpty", Exception, "asyncio"},
	QueueFull:              {"QueueFull", Exception, "asyncio"},
	IncompleteReadError:    {"IncompleteReadError", EOFError, "asyncio"},
	LimitOverrunError:      {"LimitOverrunError", Exception, "asyncio"},
}

// Info returns what the table says of k.
func (k Kind) Info() Info { return kinds[k] }

// String returns the Python name of the kind.
func (k Kind) String() string { return kinds[k].Name }

// Lookup returns the kind whose Python name is name ("KeyError",
// "gaierror"), for a host that names a type by a string; ok is false when
// no kind has that name.
func Lookup(name string) (k Kind, ok bool) {
	for k := range NumKinds {
		if kinds[k].Name == name {
			return k, true
		}
	}
	return 0, false
}
