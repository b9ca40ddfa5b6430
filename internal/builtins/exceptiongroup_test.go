package builtins

// ExceptionGroup's script-visible behaviour (reprs, split, the
// constructor's errors, isinstance/issubclass) is checked against CPython by
// the spec programs spec_tests/testdata/exceptions/group_*.star and their
// .py twins; what is here only Go can check.

import (
	"testing"

	"github.com/asyncrun/asyncrun/pyexc"
)

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
