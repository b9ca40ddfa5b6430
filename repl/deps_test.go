package repl

import (
	"testing"

	"github.com/asyncrun/asyncrun/internal/deps"
)

// TestDeps holds the layering rule (loop <- builtins <- interp <- repl <-
// cmd/asyncrun): repl goes through interp, never builtins.
func TestDeps(t *testing.T) {
	deps.Check(t, "github.com/asyncrun/asyncrun/interp", "go.starlark.net/", "github.com/chzyer/readline")
}
