package twin

import (
	"os"
	"path/filepath"
	"testing"
)

// TestCheck: a twin whose golden file holds what it prints passes, and
// -update writes that golden file from the twin's output.
func TestCheck(t *testing.T) {
	if Python() == "" {
		t.Skip("python3 not found")
	}
	dir := t.TempDir()
	script := filepath.Join(dir, "hello.py")
	os.WriteFile(script, []byte("print('hello', 1 + 1)\n"), 0o644)
	golden := filepath.Join(dir, "hello.out")
	Check(t, script, golden, true)
	if got, _ := os.ReadFile(golden); string(got) != "hello 2\n" {
		t.Fatalf("-update wrote %q, want CPython's %q", got, "hello 2\n")
	}
	Check(t, script, golden, false)
}
