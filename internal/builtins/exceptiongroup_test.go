package builtins

import (
	"testing"

	"github.com/asyncrun/asyncrun/pyexc"
)

// TestExceptionGroupDetails checks what the spec programs leave out: reprs,
// args, what split copies, CPython's errors of the constructor and of
// split, isinstance/issubclass with nested tuples, raising the bare type.
// The wanted output is CPython 3.11.7's for the same program in Python.
func TestExceptionGroupDetails(t *testing.T) {
	checkScript(t, `
eg = ExceptionGroup("m", [ValueError("a"), KeyError("k")])
print(repr(eg))
print(repr(ExceptionGroup("it's", (ValueError('a"b'),))))
print(eg.args[0], len(eg.args))
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(m.__suppress_context__, repr(m.__cause__), eg.__suppress_context__)
print(type(eg.derive([asyncio.CancelledError()])).__name__)
print(eg.subgroup(lambda e: True) == eg, eg.subgroup(lambda e: False))
def t(f):
    try_(lambda: print("ok", repr(f())), except_={BaseException: lambda e: print(type(e).__name__ + ":", e if type(e) != ZeroDivisionError else "")})
t(lambda: ExceptionGroup("m"))
t(lambda: ExceptionGroup("m", [ValueError()], x=1))
t(lambda: BaseExceptionGroup("m", [ValueError()], x=1))
t(lambda: ExceptionGroup("m", "ab"))
t(lambda: ExceptionGroup("m", {"a": ValueError()}))
t(lambda: eg.split(3))
t(lambda: eg.split((ValueError, 3)))
t(lambda: eg.split())
t(lambda: eg.subgroup(lambda e: 1 // 0))
t(lambda: isinstance(eg, (ValueError, (KeyError, ExceptionGroup))))
t(lambda: isinstance(3, ValueError))
t(lambda: issubclass(ExceptionGroup, (ValueError, BaseExceptionGroup)))
t(lambda: issubclass(BaseExceptionGroup, ExceptionGroup))
t(lambda: isinstance(eg, 3))
t(lambda: issubclass(eg, ValueError))
t(lambda: issubclass(ValueError, 3))
print(TimeoutError, asyncio.TimeoutError == TimeoutError)
t(lambda: raise_(ExceptionGroup))
`, `ExceptionGroup('m', [ValueError('a'), KeyError('k')])
ExceptionGroup("it's", (ValueError('a"b'),))
m 2
ExceptionGroup('m', [ValueError('a')]) ExceptionGroup('m', [KeyError('k')])
True None False
BaseExceptionGroup
True None
TypeError: BaseExceptionGroup.__new__() takes exactly 2 arguments (1 given)
TypeError: ExceptionGroup() takes no keyword arguments
TypeError: ExceptionGroup() takes no keyword arguments
ValueError: Item 0 of second argument (exceptions) is not an exception
TypeError: second argument (exceptions) must be a sequence
TypeError: expected a function, exception type or tuple of exception types
TypeError: expected a function, exception type or tuple of exception types
TypeError: split expected 1 argument, got 0
ZeroDivisionError: 
ok True
ok False
ok True
ok False
TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union
TypeError: issubclass() arg 1 must be a class
TypeError: issubclass() arg 2 must be a class, a tuple of classes, or a union
<class 'TimeoutError'> True
TypeError: BaseExceptionGroup.__new__() takes exactly 2 arguments (0 given)
`)
}

// TestExceptionTypeSecondBase: ExceptionGroup derives from Exception and
// from BaseExceptionGroup; nothing else has a second base.
func TestExceptionTypeSecondBase(t *testing.T) {
	for _, tc := range []struct {
		t, u *exceptionType
		want bool
	}{
		{exc[pyexc.ExceptionGroup], exc[pyexc.BaseExceptionGroup], true},
		{exc[pyexc.ExceptionGroup], exc[pyexc.Exception], true},
		{exc[pyexc.ExceptionGroup], exc[pyexc.BaseException], true},
		{exc[pyexc.BaseExceptionGroup], exc[pyexc.Exception], false},
		{exc[pyexc.BaseExceptionGroup], exc[pyexc.ExceptionGroup], false},
		{exc[pyexc.ValueError], exc[pyexc.BaseExceptionGroup], false},
	} {
		if got := tc.t.isSubtype(tc.u); got != tc.want {
			t.Errorf("%s.isSubtype(%s): got %v, want %v", tc.t.name, tc.u.name, got, tc.want)
		}
	}
	for _, ty := range exc {
		if ty.also != nil && ty != exc[pyexc.ExceptionGroup] {
			t.Errorf("%s has a second base %s", ty.name, ty.also.name)
		}
	}
}
