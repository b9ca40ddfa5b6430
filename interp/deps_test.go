package interp

import (
	"testing"

	"github.com/asyncrun/asyncrun/internal/deps"
)

// TestDeps holds the layering rule (loop <- internal/builtins <- interp <- repl <-
// cmd/asyncrun): interp imports builtins, loop and go.starlark.net; hosts import only interp.
func TestDeps(t *testing.T) {
	deps.Check(t, "github.com/asyncrun/asyncrun/aio", "github.com/asyncrun/asyncrun/internal/builtins", "github.com/asyncrun/asyncrun/internal/builtins/locks", "github.com/asyncrun/asyncrun/internal/builtins/modules", "github.com/asyncrun/asyncrun/internal/builtins/streams", "github.com/asyncrun/asyncrun/internal/builtins/tasks", "github.com/asyncrun/asyncrun/internal/frontend", "github.com/asyncrun/asyncrun/internal/pyfmt", "github.com/asyncrun/asyncrun/loop", "github.com/asyncrun/asyncrun/pyexc", "go.starlark.net/")
}
