package aio

import (
	"testing"

	"github.com/asyncrun/asyncrun/internal/deps"
)

// TestDeps holds the layering rule: aio, the I/O beside package loop,
// imports loop and the standard library only.
func TestDeps(t *testing.T) {
	deps.Check(t, "github.com/asyncrun/asyncrun/loop", "github.com/asyncrun/asyncrun/pyexc", "golang.org/x/sys/unix")
}
