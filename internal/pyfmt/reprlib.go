package pyfmt

import (
	"bytes"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// The limits of CPython 3.11's reprlib.repr (reprlib.aRepr's defaults).
const (
	reprMaxLevel  = 6  // containers nested deeper print as [...], (...), {...}
	reprMaxTuple  = 6  // items of a tuple shown
	reprMaxList   = 6  // items of a list shown
	reprMaxDict   = 4  // entries of a dict shown
	reprMaxSet    = 6  // elements of a set shown
	reprMaxString = 30 // characters of a string's repr
	reprMaxLong   = 40 // digits (and sign) of an int
	reprMaxOther  = 30 // characters of any other value's repr
	reprFill      = "..."
)

// ShortRepr returns Python's reprlib.repr of v, the shortened repr CPython's
// asyncio writes a finished future's result and a callback's arguments
// with: a list, tuple or set shows its first 6 items and then "...", a dict
// its first 4 entries, a set's elements and a dict's keys in sorted order
// when they can be compared (in the order they are held otherwise), and
// containers nested more than 6 deep as [...], (...) or {...}. A string's
// repr longer than 30 characters and an int longer than 40 keep their two
// ends around "..." ('xxxxxxxxxxxx...xxxxxxxxxxxxx'), and so does any other
// value's full repr (Repr) longer than 30 characters: bytes, floats,
// structs, exceptions, futures.
//
// As in CPython, a container that holds itself is not marked [...] at once
// but repeats until the depth limit cuts it: [1, [1, [1, [1, [1, [1,
// [...]]]]]]].
func ShortRepr(v starlark.Value) string { return shortRepr(v, reprMaxLevel) }

// shortRepr is reprlib's Repr.repr1: v written with level containers left
// before the depth limit.
func shortRepr(v starlark.Value, level int) string {
	switch v := v.(type) {
	case starlark.String:
		return shortString(string(v))
	case starlark.Int:
		return cutMiddle(v.String(), reprMaxLong)
	case starlark.Tuple:
		return shortSeq(v, level, "(", ")", reprMaxTuple, ",")
	case *starlark.List:
		return shortSeq(elements(v), level, "[", "]", reprMaxList, "")
	case *starlark.Set:
		if v.Len() == 0 {
			return "set()"
		}
		return shortSeq(possiblySorted(elements(v)), level, "{", "}", reprMaxSet, "")
	case *starlark.Dict:
		return shortDict(v, level)
	}
	return cutMiddle(Repr(v), reprMaxOther)
}

// shortSeq is reprlib's _repr_iterable: the first max items of xs between
// left and right, "..." after them when there are more, and trail before
// right when there is one item (the comma of (1,)).
func shortSeq(xs []starlark.Value, level int, left, right string, max int, trail string) string {
	n := len(xs)
	if level <= 0 && n > 0 {
		return left + reprFill + right
	}
	pieces := make([]string, 0, min(n, max)+1)
	for _, x := range xs[:min(n, max)] {
		pieces = append(pieces, shortRepr(x, level-1))
	}
	if n > max {
		pieces = append(pieces, reprFill)
	}
	if n == 1 {
		right = trail + right
	}
	return left + strings.Join(pieces, ", ") + right
}

// shortDict is reprlib's repr_dict: the first reprMaxDict entries, the keys
// sorted when they can be.
func shortDict(d *starlark.Dict, level int) string {
	n := d.Len()
	if n == 0 {
		return "{}"
	}
	if level <= 0 {
		return "{" + reprFill + "}"
	}
	var pieces []string
	for _, k := range possiblySorted(d.Keys())[:min(n, reprMaxDict)] {
		v, _, _ := d.Get(k)
		pieces = append(pieces, shortRepr(k, level-1)+": "+shortRepr(v, level-1))
	}
	if n > reprMaxDict {
		pieces = append(pieces, reprFill)
	}
	return "{" + strings.Join(pieces, ", ") + "}"
}

// shortString is reprlib's repr_str: the repr of the string's first
// reprMaxString characters, or, when that is longer than reprMaxString,
// the repr of its two ends cut to 13 and 14 characters around "...".
func shortString(s string) string {
	cs := chars(s)
	r := Quote(strings.Join(cs[:min(len(cs), reprMaxString)], ""))
	rc := chars(r)
	if len(rc) <= reprMaxString {
		return r
	}
	i, j := cutSizes(reprMaxString)
	// Python's x[len(x)-j:], where a negative start counts from the end.
	start := len(cs) - j
	if start < 0 {
		start = max(0, start+len(cs))
	}
	rc = chars(Quote(strings.Join(cs[:min(i, len(cs))], "") + strings.Join(cs[start:], "")))
	return strings.Join(rc[:min(i, len(rc))], "") + reprFill + strings.Join(rc[max(0, len(rc)-j):], "")
}

// cutMiddle is reprlib's cut of an int's or another value's repr s longer
// than limit characters: its ends around "...", limit characters in all.
func cutMiddle(s string, limit int) string {
	cs := chars(s)
	if len(cs) <= limit {
		return s
	}
	i, j := cutSizes(limit)
	return strings.Join(cs[:i], "") + reprFill + strings.Join(cs[len(cs)-j:], "")
}

// cutSizes returns how many characters reprlib keeps before and after the
// "..." of a text cut to limit characters.
func cutSizes(limit int) (i, j int) {
	i = max(0, (limit-len(reprFill))/2)
	j = max(0, limit-len(reprFill)-i)
	return i, j
}

// chars splits s into Python's characters: its runes, and each byte that is
// not UTF-8 on its own (a Python string cannot hold one; Quote writes it
// \xNN).
func chars(s string) []string {
	cs := make([]string, 0, len(s))
	for i := 0; i < len(s); {
		_, n := utf8.DecodeRuneInString(s[i:])
		cs = append(cs, s[i:i+n])
		i += n
	}
	return cs
}

// elements returns the values of a list or set, in order.
func elements(xs starlark.Iterable) []starlark.Value {
	var out []starlark.Value
	for x := range starlark.Elements(xs) {
		out = append(out, x)
	}
	return out
}

// possiblySorted is reprlib's _possibly_sorted: xs sorted as Python's
// sorted() sorts them, or as they are when Python's < cannot compare two of
// them (an int and a string, None). (Python raises only for the pairs its
// sort compares; for values of one kind, such as tuples whose items differ
// in kind at a place only some pairs reach, asyncrun may decide otherwise.)
func possiblySorted(xs []starlark.Value) []starlark.Value {
	sorted := slices.Clone(xs)
	ok := true
	slices.SortStableFunc(sorted, func(a, b starlark.Value) int {
		if !ok {
			return 0
		}
		if less, k := pyLess(a, b); !k {
			ok = false
		} else if less {
			return -1
		}
		if less, k := pyLess(b, a); !k {
			ok = false
		} else if less {
			return 1
		}
		return 0
	})
	if !ok {
		return xs
	}
	return sorted
}

// pyLess reports Python's a < b, with ok false where Python raises
// TypeError ('<' not supported between instances of 'int' and 'str').
func pyLess(a, b starlark.Value) (less, ok bool) {
	if x, y, ok := pyNumbers(a, b); ok {
		if isNaN(x) || isNaN(y) {
			return false, true
		}
		lt, err := starlark.Compare(syntax.LT, x, y)
		return lt, err == nil
	}
	switch a := a.(type) {
	case starlark.String:
		if b, isStr := b.(starlark.String); isStr {
			return a < b, true
		}
	case starlark.Bytes:
		if b, isBytes := b.(starlark.Bytes); isBytes {
			return bytes.Compare([]byte(a), []byte(b)) < 0, true
		}
	case starlark.Tuple:
		if b, isTuple := b.(starlark.Tuple); isTuple {
			return seqLess(a, b)
		}
	case *starlark.List:
		if b, isList := b.(*starlark.List); isList {
			return seqLess(elements(a), elements(b))
		}
	}
	return false, false
}

// seqLess is Python's < of two tuples or lists: at the first items that
// differ, their <; otherwise the shorter is less.
func seqLess(a, b []starlark.Value) (less, ok bool) {
	for i := range min(len(a), len(b)) {
		if !pyEqual(a[i], b[i]) {
			return pyLess(a[i], b[i])
		}
	}
	return len(a) < len(b), true
}

// pyEqual is Python's == (True == 1 == 1.0).
func pyEqual(a, b starlark.Value) bool {
	if x, y, ok := pyNumbers(a, b); ok {
		eq, err := starlark.Compare(syntax.EQL, x, y)
		return eq && err == nil
	}
	eq, err := starlark.Equal(a, b)
	return eq && err == nil
}

// pyNumbers returns a and b as Starlark numbers when both are Python
// numbers (a bool is the int 0 or 1).
func pyNumbers(a, b starlark.Value) (x, y starlark.Value, ok bool) {
	x, okA := pyNumber(a)
	y, okB := pyNumber(b)
	return x, y, okA && okB
}

func pyNumber(v starlark.Value) (starlark.Value, bool) {
	switch v := v.(type) {
	case starlark.Int, starlark.Float:
		return v, true
	case starlark.Bool:
		if v {
			return starlark.MakeInt(1), true
		}
		return starlark.MakeInt(0), true
	}
	return nil, false
}

func isNaN(v starlark.Value) bool {
	f, ok := v.(starlark.Float)
	return ok && math.IsNaN(float64(f))
}
