package builtins

import (
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
)

// gatheredCancel gives a CancelledError standing for a cancelled child in
// the results of gather(..., return_exceptions=True) the args CPython
// 3.11's gather gives it: one empty string when the cancellation had no
// message, so that the results print as CancelledError with an empty message, as 3.11 does.
// Awaiting the cancelled task itself raises CancelledError() with no args,
// as in CPython. A list of results ([]any) comes only from gather, and
// each of its exceptions is made fresh for it.
func gatheredCancel(v starlark.Value) {
	if e, ok := v.(*exception); ok && e.typ == exc[pyexc.CancelledError] && len(e.args) == 0 {
		e.args = starlark.Tuple{starlark.String("")}
	}
}
