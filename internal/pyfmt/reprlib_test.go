package pyfmt

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
	"go.starlark.net/syntax"
)

// TestShortReprMatchesCPython runs each program of testdata/reprlib.json
// (written in the common subset of Python and Starlark) as Starlark and
// checks that ShortRepr of the x it leaves is CPython's reprlib.repr(x).
func TestShortReprMatchesCPython(t *testing.T) {
	data, err := os.ReadFile("testdata/reprlib.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases [][2]string // program, reprlib.repr(x)
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) < 50 {
		t.Fatalf("testdata/reprlib.json holds %d cases", len(cases))
	}
	opts := &syntax.FileOptions{Set: true, TopLevelControl: true, GlobalReassign: true}
	for _, c := range cases {
		globals, err := starlark.ExecFileOptions(opts, &starlark.Thread{}, "case.star", c[0], starlark.StringDict{"float": starlark.Universe["float"]})
		if err != nil {
			t.Errorf("%s: %v", c[0], err)
			continue
		}
		if got := ShortRepr(globals["x"]); got != c[1] {
			t.Errorf("%s:\n got  %s\n want %s (CPython)", strings.ReplaceAll(c[0], "\n", "; "), got, c[1])
		}
	}
}

// TestShortReprOtherValues: values Python lacks, and those that write
// themselves, are cut as reprlib cuts any other object's repr: their full
// Repr, its ends around "..." when longer than 30 characters.
func TestShortReprOtherValues(t *testing.T) {
	long := starlarkstruct.FromStringDict(starlarkstruct.Default, starlark.StringDict{"name": starlark.String("ada lovelace"), "port": starlark.MakeInt(8080)})
	short := starlarkstruct.FromStringDict(starlarkstruct.Default, starlark.StringDict{"n": starlark.MakeInt(1)})
	r := reprer{Value: starlark.None, args: starlark.Tuple{starlark.String(strings.Repeat("y", 40))}}
	for _, c := range []struct {
		v    starlark.Value
		want string
	}{
		{long, "struct(name='...e', port=8080)"},
		{short, "struct(n=1)"},
		{starlark.NewList([]starlark.Value{short, long}), "[struct(n=1), struct(name='...e', port=8080)]"},
		{r, "Mine('yyyyyyy...yyyyyyyyyyyy')"},
		{starlark.NewBuiltin("print", nil), "<built-in function print>"},
		{starlark.NewBuiltin("a_builtin_with_a_long_name", nil), "<built-in fun...h_a_long_name>"},
		// A Python string cannot hold a byte that is not UTF-8; Quote
		// writes it \xNN, and the cut counts the characters of that, as
		// CPython's does for '\x00' * 20.
		{starlark.String(strings.Repeat("\xff", 20)), `'\xff\xff\xff...f\xff\xff\xff'`},
		{starlark.String("é\xffé"), `'é\xffé'`},
	} {
		if got := ShortRepr(c.v); got != c.want {
			t.Errorf("ShortRepr(%s) = %s, want %s", Repr(c.v), got, c.want)
		}
	}
}

// TestShortReprSortsLikePython: a set's elements and a dict's keys are
// sorted by Python's <, under which True is 1 and the first differing items
// decide between tuples; a pair < cannot compare leaves them as held.
func TestShortReprSortsLikePython(t *testing.T) {
	for _, c := range []struct{ expr, want string }{
		{"set([(1, 'b'), (1, 'a'), (0, None)])", "{(0, None), (1, 'a'), (1, 'b')}"},
		{"set([2, True, 1.5])", "{True, 1.5, 2}"},
		{"set(['b', 'a', 1])", "{'b', 'a', 1}"},
		{"{None: 1, 'a': 2}", "{None: 1, 'a': 2}"},
		{"{(None, 2): 1, (None, 1): 2}", "{(None, 1): 2, (None, 2): 1}"},
		{"{'b': 1, 'a': 2, 'c': 3, 'e': 4, 'd': 5}", "{'a': 2, 'b': 1, 'c': 3, 'd': 5, ...}"},
	} {
		if got := ShortRepr(eval(t, c.expr)); got != c.want {
			t.Errorf("ShortRepr(%s) = %s, want %s", c.expr, got, c.want)
		}
	}
}
