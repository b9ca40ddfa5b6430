package tasks

import (
	"testing"

	"github.com/asyncrun/asyncrun/internal/deps"
)

// TestDeps holds the rule of the parts beside the core: tasks imports the
// core (internal/builtins) for its exported hooks, loop and go.starlark.net.
func TestDeps(t *testing.T) {
	deps.Check(t, "github.com/asyncrun/asyncrun/internal/builtins", "github.com/asyncrun/asyncrun/pyexc", "github.com/asyncrun/asyncrun/loop", "go.starlark.net/")
}
