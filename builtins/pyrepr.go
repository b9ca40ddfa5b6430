package builtins

import (
	"slices"
	"strings"

	"go.starlark.net/starlark"
)

// Python's repr and str of values, for the texts a script reads where
// CPython's would show Python's: exception messages and reprs, handles,
// queues. Starlark prints strings with double quotes and no cycle marks;
// these print ['a', 1], {'k': 'v'}, ('x',) and [...] for a list inside
// itself, as Python does.

// reprValue returns Python's repr of v.
func reprValue(v starlark.Value) string {
	var b strings.Builder
	writeRepr(&b, v, nil)
	return b.String()
}

// strValue returns Python's str of v: a string itself, else its repr.
func strValue(v starlark.Value) string {
	if s, ok := v.(starlark.String); ok {
		return string(s)
	}
	return reprValue(v)
}

// writeRepr writes Python's repr of v; outer holds the containers v is in,
// to print a container inside itself as Python does ([...], {...}).
func writeRepr(b *strings.Builder, v starlark.Value, outer []starlark.Value) {
	switch v := v.(type) {
	case starlark.String:
		b.WriteString(pyQuote(string(v)))
		return
	case *exception:
		// As exception.repr, with the containers v is in: an exception
		// whose args hold a list that holds it prints [...] there.
		b.WriteString(v.typ.name)
		writeSeq(b, "(", ")", v.args, outer)
		return
	case starlark.Tuple:
		// A tuple cannot hold itself (nor be compared with ==).
	case *starlark.List, *starlark.Dict, *starlark.Set:
		if slices.Contains(outer, v) {
			if _, isList := v.(*starlark.List); isList {
				b.WriteString("[...]")
			} else {
				b.WriteString("{...}")
			}
			return
		}
	default:
		b.WriteString(v.String())
		return
	}
	if _, isTuple := v.(starlark.Tuple); !isTuple {
		outer = append(outer, v)
	}
	switch v := v.(type) {
	case starlark.Tuple:
		writeSeq(b, "(", ")", v, outer)
		if len(v) == 1 {
			s := b.String()
			b.Reset()
			b.WriteString(s[:len(s)-1] + ",)")
		}
	case *starlark.List:
		writeSeq(b, "[", "]", v, outer)
	case *starlark.Set:
		if v.Len() == 0 {
			b.WriteString("set()")
			return
		}
		var elems []starlark.Value
		iter := v.Iterate()
		var x starlark.Value
		for iter.Next(&x) {
			elems = append(elems, x)
		}
		iter.Done()
		writeSeq(b, "{", "}", starlark.Tuple(elems), outer)
	case *starlark.Dict:
		b.WriteString("{")
		for i, kv := range v.Items() {
			if i > 0 {
				b.WriteString(", ")
			}
			writeRepr(b, kv[0], outer)
			b.WriteString(": ")
			writeRepr(b, kv[1], outer)
		}
		b.WriteString("}")
	}
}

func writeSeq(b *strings.Builder, open, close string, xs starlark.Indexable, outer []starlark.Value) {
	b.WriteString(open)
	for i := range xs.Len() {
		if i > 0 {
			b.WriteString(", ")
		}
		writeRepr(b, xs.Index(i), outer)
	}
	b.WriteString(close)
}

// pyQuote returns Python's repr of a string.
func pyQuote(s string) string {
	if strings.Contains(s, "'") && !strings.Contains(s, `"`) {
		return `"` + s + `"`
	}
	return "'" + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), "'", `\'`) + "'"
}

// pyTypeName returns Python's name of the type of v: "str" for a string,
// else Starlark's type() name.
func pyTypeName(v starlark.Value) string {
	if _, ok := v.(starlark.String); ok {
		return "str"
	}
	return v.Type()
}

func pyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}
