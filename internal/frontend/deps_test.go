package frontend

import (
	"testing"

	"github.com/asyncrun/asyncrun/internal/deps"
)

// TestDeps holds the front end's import rule: go.starlark.net only.
func TestDeps(t *testing.T) {
	deps.Check(t, "go.starlark.net/")
}
