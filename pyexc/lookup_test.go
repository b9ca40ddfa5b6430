package pyexc

import "testing"

// TestLookup: every kind is found by its Python name, and a name that is
// no kind is not.
func TestLookup(t *testing.T) {
	for k := range NumKinds {
		if got, ok := Lookup(k.String()); !ok || got != k {
			t.Errorf("Lookup(%q) = %v, %v; want %v", k.String(), got, ok, k)
		}
	}
	if k, ok := Lookup("NoSuchError"); ok {
		t.Errorf("Lookup(NoSuchError) = %v, true", k)
	}
}
