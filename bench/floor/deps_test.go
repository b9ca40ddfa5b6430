package main

import (
	"testing"

	"github.com/asyncrun/asyncrun/internal/deps"
)

// TestDeps: the floor measures Go alone, without the interpreter: it
// imports loop (for its stack growth) and the standard library only.
func TestDeps(t *testing.T) {
	deps.Check(t, "github.com/asyncrun/asyncrun/loop")
}
