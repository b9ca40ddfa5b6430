package pyfmt

import (
	"encoding/json"
	"os"
	"testing"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
	"go.starlark.net/syntax"
)

// cpython.json holds CPython 3.11's format() and repr()/str() of values
// written in the common subset of Python and Starlark: what its twin
// testdata/gen.py prints (TestCPythonFormatTwin checks it).
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
		if !ok || e.Kind.String() != c[2] || e.Msg != c[3] {
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

// TestReprStarlarkValues pins the documented forms of values Python lacks:
// a struct as a call with Python reprs of its fields, a function and a
// builtin as Starlark writes them.
func TestReprStarlarkValues(t *testing.T) {
	s := starlarkstruct.FromStringDict(starlarkstruct.Default, starlark.StringDict{"name": starlark.String("ada"), "port": starlark.MakeInt(8080), "tags": starlark.NewList([]starlark.Value{starlark.String("a")})})
	if got, want := Repr(s), "struct(name='ada', port=8080, tags=['a'])"; got != want {
		t.Errorf("struct: got %s, want %s", got, want)
	}
	if got, want := Str(s), "struct(name='ada', port=8080, tags=['a'])"; got != want {
		t.Errorf("str of struct: got %s, want %s", got, want)
	}
	b := starlark.NewBuiltin("print", nil)
	if got, want := Repr(b), "<built-in function print>"; got != want {
		t.Errorf("builtin: got %s, want %s", got, want)
	}
	v, err := starlark.ExecFile(&starlark.Thread{}, "f.star", "def f(): pass\n", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := Repr(v["f"]), "<function f>"; got != want {
		t.Errorf("function: got %s, want %s", got, want)
	}
}

// reprer is a value of another package that writes its own repr.
type reprer struct {
	starlark.Value
	args starlark.Tuple
}

func (r reprer) PyRepr(elem func(starlark.Value) string) string {
	return "Mine(" + elem(r.args[0]) + ")"
}

// TestReprerInsideItself: a Reprer's elem knows the containers around
// it, so a list holding a value that holds the list prints [...].
func TestReprerInsideItself(t *testing.T) {
	l := starlark.NewList(nil)
	r := reprer{Value: starlark.None, args: starlark.Tuple{l}}
	l.Append(r)
	if got, want := Repr(l), "[Mine([...])]"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if got, want := Repr(r), "Mine([Mine([...])])"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
