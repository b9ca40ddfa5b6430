// Package pyfmt writes Starlark values as CPython 3.11 writes them: the
// format-spec mini-language of format() and f-strings (Format), and the
// repr and str of values (Repr, Str), and reprlib.repr's shortened repr
// (ShortRepr), which asyncio writes a future's result with.
//
// It knows the values of go.starlark.net (None, bool, int of any size,
// float, string, bytes, list, tuple, dict, set, struct, functions). A value
// it does not know writes itself through the Reprer and Strer interfaces,
// which the builtins' exceptions, tasks and futures implement.
//
// Errors are *Error values carrying the name of the Python exception type
// CPython raises and its message, word for word.
package pyfmt
