package builtins

import (
	"testing"

	"github.com/asyncrun/asyncrun/aio"
	"github.com/asyncrun/asyncrun/pyexc"
)

// TestGaierror: a failed lookup reaches scripts as socket.gaierror, an
// OSError with errno -2 and CPython's text.
func TestGaierror(t *testing.T) {
	e, ok := ioError(&aio.GAIError{Code: -2, Msg: "Name or service not known"}).(*exception)
	if !ok || e.typ != exc[pyexc.Gaierror] || !e.typ.isSubtype(exc[pyexc.OSError]) {
		t.Fatalf("got %v, want a socket.gaierror", e)
	}
	if got, want := e.message(), "[Errno -2] Name or service not known"; got != want {
		t.Errorf("str: got %q, want %q", got, want)
	}
	if got := e.os.attr("errno").String(); got != "-2" {
		t.Errorf("errno: got %s", got)
	}
	if exc.members("socket")["gaierror"] != exc[pyexc.Gaierror] || exc[pyexc.Gaierror].String() != "<class 'socket.gaierror'>" {
		t.Errorf("socket.gaierror is not the type: %v", exc.members("socket")["gaierror"])
	}
}
