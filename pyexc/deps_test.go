package pyexc

import (
	"testing"

	"github.com/asyncrun/asyncrun/internal/deps"
)

// TestDeps holds the rule of the leaf: pyexc imports nothing but the
// standard library, so loop, aio and the Starlark face can all import it.
func TestDeps(t *testing.T) {
	deps.Check(t)
}
