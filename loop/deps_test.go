package loop

import (
	"testing"

	"github.com/asyncrun/asyncrun/internal/deps"
)

// TestDeps holds the layering rule (loop <- builtins <- interp <- repl <-
// cmd/asyncrun): loop imports the standard library only.
func TestDeps(t *testing.T) {
	deps.Check(t)
}
