package pyfmt

import (
	"encoding/json"
	"os"
	"testing"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// cpython.json holds CPython 3.11's format() and repr()/str() of values
// written in the common subset of Python and Starlark, made by
// testdata/gen.py (python3 testdata/gen.py, from this folder).
type golden struct {
	Format [][4]string // expression, spec, "ok" or the exception type, result or message
	Repr   [][3]string // expression, repr, str
}

func loadGolden(t *testing.T) golden {
	data, err := os.ReadFile("testdata/cpython.json")
	if err != nil {
		t.Fatal(err)
	}
	var g golden
	if err := json.Unmarshal(data, &g); err != nil {
		t.Fatal(err)
	}
	return g
}

func eval(t *testing.T, expr string) starlark.Value {
	t.Helper()
	v, err := starlark.EvalOptions(&syntax.FileOptions{Set: true}, &starlark.Thread{}, "expr", expr, starlark.StringDict{"float": starlark.Universe["float"]})
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

func TestFormatMatchesCPython(t *testing.T) {
	g := loadGolden(t)
	for _, c := range g.Format {
		v := eval(t, c[0])
		got, err := Format(v, c[1])
		if c[2] == "ok" {
			if err != nil || got != c[3] {
				t.Errorf("format(%s, %q) = %q, %v; CPython: %q", c[0], c[1], got, err, c[3])
			}
			continue
		}
		e, ok := err.(*Error)
		if !ok || e.Type != c[2] || e.Msg != c[3] {
			t.Errorf("format(%s, %q) = %q, %v; CPython: %s: %s", c[0], c[1], got, err, c[2], c[3])
		}
	}
}

func TestReprMatchesCPython(t *testing.T) {
	g := loadGolden(t)
	for _, c := range g.Repr {
		v := eval(t, c[0])
		if got := Repr(v); got != c[1] {
			t.Errorf("repr(%s) = %s; CPython: %s", c[0], got, c[1])
		}
		if got := Str(v); got != c[2] {
			t.Errorf("str(%s) = %s; CPython: %s", c[0], got, c[2])
		}
	}
}

func TestReprSelfContaining(t *testing.T) {
	l := starlark.NewList(nil)
	l.Append(l)
	d := starlark.NewDict(1)
	d.SetKey(starlark.String("d"), d)
	l.Append(d)
	if got, want := Repr(l), "[[...], {'d': {...}}]"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
