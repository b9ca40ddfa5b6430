package main

import (
	"testing"

	"github.com/asyncrun/asyncrun/internal/deps"
)

// TestDeps holds the layering rule (loop <- builtins <- interp <- repl <-
// cmd/asyncrun): the CLI imports interp and repl only.
func TestDeps(t *testing.T) {
	deps.Check(t, "github.com/asyncrun/asyncrun/interp", "github.com/asyncrun/asyncrun/repl")
}
