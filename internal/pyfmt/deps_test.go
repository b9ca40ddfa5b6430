package pyfmt

import (
	"testing"

	"github.com/asyncrun/asyncrun/internal/deps"
)

// TestDeps: pyfmt imports only go.starlark.net and the leaf pyexc, so every package that
// prints Python's text can use it.
func TestDeps(t *testing.T) {
	deps.Check(t, "github.com/asyncrun/asyncrun/pyexc", "go.starlark.net/")
}
