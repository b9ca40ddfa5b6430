package twin

import (
	"testing"

	"github.com/asyncrun/asyncrun/internal/deps"
)

// TestDeps: twin imports only the standard library, so the tests of every
// package, loop's included, can use it.
func TestDeps(t *testing.T) { deps.Check(t) }
