package builtins

import (
	"testing"

	"github.com/asyncrun/asyncrun/internal/deps"
)

// TestDeps holds the layering rule (loop <- builtins <- interp <- repl <-
// cmd/asyncrun): builtins imports loop, aio (the I/O beside loop) and
// go.starlark.net, and internal/pyfmt for Python's text of values.
func TestDeps(t *testing.T) {
	deps.Check(t, "github.com/asyncrun/asyncrun/loop", "github.com/asyncrun/asyncrun/aio", "github.com/asyncrun/asyncrun/pyexc", "github.com/asyncrun/asyncrun/internal/pyfmt", "go.starlark.net/")
}
