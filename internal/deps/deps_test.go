package deps

import "testing"

func TestIsAllowed(t *testing.T) {
	allowed := []string{"github.com/asyncrun/asyncrun/loop", "go.starlark.net/"}
	for _, tc := range []struct {
		imp  string
		want bool
	}{
		{"fmt", true},
		{"net/http", true},
		{"github.com/asyncrun/asyncrun/loop", true},
		{"github.com/asyncrun/asyncrun/loopy", false},
		{"go.starlark.net/starlark", true},
		{"github.com/asyncrun/asyncrun/interp", false},
		{"github.com/chzyer/readline", false},
	} {
		if got := isAllowed(tc.imp, allowed); got != tc.want {
			t.Errorf("isAllowed(%q): got %v, want %v", tc.imp, got, tc.want)
		}
	}
}

// TestDeps: this package imports the standard library only.
func TestDeps(t *testing.T) { Check(t) }
