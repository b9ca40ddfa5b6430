package builtins

import "go.starlark.net/starlark"

// try_(body, except_=None, else_=None, finally_=None) is Python's try
// statement. It calls body(); on an exception, except_ handles it: a function
// handler(exc) takes any exception but CancelledError (as `except Exception`
// does), a dict maps a type or a tuple of types to a handler, the first
// match wins, and no match re-raises. Without an exception else_() runs, if
// given, and its value is try_'s. finally_() always runs last; an exception it
// raises replaces the one in flight.
func try_(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var body, except, els, finally starlark.Value = nil, starlark.None, starlark.None, starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "body", &body, "except_?", &except, "else_?", &els, "finally_?", &finally); err != nil {
		return nil, err
	}
	handlers, err := parseHandlers(except)
	if err != nil {
		return nil, err
	}
	for _, f := range []struct {
		name string
		v    starlark.Value
	}{{"body", body}, {"else_", els}, {"finally_", finally}} {
		if _, ok := f.v.(starlark.Callable); !ok && f.v != starlark.None {
			return nil, newExc(exc.TypeError, "try_: %s must be callable, got %s", f.name, f.v.Type())
		}
	}
	result, err := starlark.Call(thread, body, nil, nil)
	if err != nil {
		result, err = handleError(thread, handlers, err)
	} else if els != starlark.None {
		result, err = starlark.Call(thread, els, nil, nil)
	}
	if finally != starlark.None {
		if _, ferr := starlark.Call(thread, finally, nil, nil); ferr != nil {
			return nil, ferr
		}
	}
	return result, err
}

type handler struct {
	types []*exceptionType
	fn    starlark.Callable
}

// parseHandlers reads except_: None, a handler function, or a dict from types
// (or tuples of types) to handlers.
func parseHandlers(except starlark.Value) ([]handler, error) {
	switch except := except.(type) {
	case starlark.NoneType:
		return nil, nil
	case *starlark.Dict:
		var hs []handler
		for _, item := range except.Items() {
			fn, ok := item[1].(starlark.Callable)
			if !ok {
				return nil, newExc(exc.TypeError, "try_: the handler for %s must be callable, got %s", item[0], item[1].Type())
			}
			types, err := excTypeList(item[0])
			if err != nil {
				return nil, err
			}
			hs = append(hs, handler{types, fn})
		}
		return hs, nil
	case starlark.Callable:
		return []handler{{[]*exceptionType{exc.Exception}, except}}, nil
	}
	return nil, newExc(exc.TypeError, "try_: except_ must be a function or a dict of exception types to functions, got %s", except.Type())
}

func excTypeList(v starlark.Value) ([]*exceptionType, error) {
	switch v := v.(type) {
	case *exceptionType:
		return []*exceptionType{v}, nil
	case starlark.Tuple:
		var out []*exceptionType
		for _, x := range v {
			t, ok := x.(*exceptionType)
			if !ok {
				return nil, newExc(exc.TypeError, "try_: catching %s is not allowed: only exception types", x.Type())
			}
			out = append(out, t)
		}
		return out, nil
	}
	return nil, newExc(exc.TypeError, "try_: catching %s is not allowed: only exception types (or tuples of them)", v.Type())
}

// handleError runs the first handler that matches err, or returns err.
func handleError(thread *starlark.Thread, handlers []handler, err error) (starlark.Value, error) {
	ex, ok := toException(rtOf(thread).checkAbort(thread, err)).(*exception)
	if !ok {
		return nil, err // an abort or a destroyed task: not catchable
	}
	for _, h := range handlers {
		if matches(ex, h.types) {
			return starlark.Call(thread, h.fn, starlark.Tuple{ex}, nil)
		}
	}
	return nil, err
}
