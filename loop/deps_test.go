package loop

import (
	"testing"

	"github.com/asyncrun/asyncrun/internal/deps"
)

// TestDeps holds the layering rule (loop <- builtins <- interp <- repl <-
// cmd/asyncrun): loop imports the standard library and the leaf
// pyexc (the kinds of exception), and knows nothing of Starlark.
func TestDeps(t *testing.T) {
	deps.Check(t, "github.com/asyncrun/asyncrun/pyexc")
}
