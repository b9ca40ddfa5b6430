package spec_tests

import (
	"testing"

	"github.com/asyncrun/asyncrun/internal/deps"
)

// TestDeps holds the layering rule (loop <- builtins <- interp <- repl <-
// cmd/asyncrun): the conformance suite is black-box through interp.
func TestDeps(t *testing.T) {
	deps.Check(t, "github.com/asyncrun/asyncrun/interp")
}
