package builtins

import (
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
)

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
			return nil, newExc(pyexc.TypeError, "try_: %s must be callable, got %s", f.name, f.v.Type())
		}
	}
	result, err := starlark.Call(thread, body, nil, nil)
	if err != nil {
		result, err = handleError(thread, handlers, err)
	} else if els != starlark.None {
		result, err = starlark.Call(thread, els, nil, nil)
	}
	if finally != starlark.None {
		// An exception in flight is being handled while finally_ runs: a
		// bare raise_() re-raises it, and an exception finally_ raises
		// replaces it and takes it as __context__.
		inFlight, _ := toException(err).(*exception)
		ts := stateOf(thread)
		ts.handle(inFlight)
		_, ferr := starlark.Call(thread, finally, nil, nil)
		ts.handled(inFlight)
		if ferr != nil {
			return nil, withContext(thread, ferr, inFlight)
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
				return nil, newExc(pyexc.TypeError, "try_: the handler for %s must be callable, got %s", item[0], item[1].Type())
			}
			types, err := excTypeList(item[0])
			if err != nil {
				return nil, err
			}
			hs = append(hs, handler{types, fn})
		}
		return hs, nil
	case starlark.Callable:
		return []handler{{[]*exceptionType{exc[pyexc.Exception]}, except}}, nil
	}
	return nil, newExc(pyexc.TypeError, "try_: except_ must be a function or a dict of exception types to functions, got %s", except.Type())
}

func excTypeList(v starlark.Value) ([]*exceptionType, error) {
	if types, ok := classInfo(v); ok {
		return types, nil
	}
	return nil, newExc(pyexc.TypeError, "try_: catching %s is not allowed: only exception types (or tuples of them)", v.Type())
}

// handleError runs the first handler that matches err, or returns err.
func handleError(thread *starlark.Thread, handlers []handler, err error) (starlark.Value, error) {
	ex, ok := toException(rtOf(thread).checkAbort(thread, err)).(*exception)
	if !ok {
		return nil, err // an abort or a destroyed task: not catchable
	}
	ts := stateOf(thread)
	if ctx := ts.handlingNow(); ctx != nil && ctx != ex && ex.contextExc == nil {
		// Raised (by script code, a builtin, or an await that re-raises
		// a task's exception) while ctx is being handled.
		ex.setContext(ctx)
	}
	for _, h := range handlers {
		if matches(ex, h.types) {
			ts.handle(ex)
			v, herr := starlark.Call(thread, h.fn, starlark.Tuple{ex}, nil)
			ts.handled(ex)
			if herr != nil {
				return nil, withContext(thread, herr, ex)
			}
			return v, nil
		}
	}
	return nil, ex
}

// Exceptions being handled. A thread keeps the exceptions its handlers and
// finally_ clauses are handling, innermost last, as Python's sys.exc_info()
// stack: a bare raise_() re-raises the innermost, and an exception that
// escapes a handler without a __context__ gets the one handled there.

// handle notes that e (nil: none) is being handled on the thread.
func (ts *threadState) handle(e *exception) { ts.handling = append(ts.handling, e) }

// handled notes that the handling of e is over.
func (ts *threadState) handled(e *exception) { ts.handling = ts.handling[:len(ts.handling)-1] }

// handlingNow returns the exception being handled on the thread, or nil.
func (ts *threadState) handlingNow() *exception {
	for i := len(ts.handling) - 1; i >= 0; i-- {
		if e := ts.handling[i]; e != nil {
			return e
		}
	}
	return nil
}

// withContext returns err, an error that escaped while ctx was being
// handled, as an exception whose __context__ is ctx, unless it has one or
// is ctx itself (uncatchable errors pass as they are).
func withContext(thread *starlark.Thread, err error, ctx *exception) error {
	err = rtOf(thread).checkAbort(thread, err)
	e, ok := toException(err).(*exception)
	if !ok {
		return err
	}
	if ctx != nil && e != ctx && e.contextExc == nil {
		e.setContext(ctx)
	}
	return e
}
