package frontend

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.starlark.net/starlark"
)

// Modules are the predeclared modules that `import` binds.
var Modules = []string{"asyncio", "contextvars", "datetime", "functools", "json", "math", "sys", "time"}

// Hidden returns the hidden names the rewritten programs call, made from
// the interpreter's predeclared names (await_, asyncio.coroutine, repr,
// format, the modules, the exception types); add them to the predeclared
// names. Their names begin with `$`, so no script can name them.
//
//	$await(x)            await_(x)
//	$coroutine(f)        asyncio.coroutine(f)
//	$is(x, y)            x is y
//	$import("m")         the predeclared module m, or ModuleNotFoundError
//	$from("m", "a")      m.a, or ImportError
//	$fmt(x, conv, spec)  an f-string field: x converted (!r, !s, !a), then format(x, spec)
//	$fstring(*parts)     the parts joined
//	$kw(*items)          a dict of ("name", value) pairs and mappings, for g(*a, k=v)
func Hidden(predeclared starlark.StringDict) starlark.StringDict {
	h := &hidden{predeclared: predeclared}
	d := starlark.StringDict{
		"$is":      starlark.NewBuiltin("is", is_),
		"$import":  starlark.NewBuiltin("import", h.import_),
		"$from":    starlark.NewBuiltin("import", h.from),
		"$fmt":     starlark.NewBuiltin("format", h.fmt),
		"$fstring": starlark.NewBuiltin("f-string", fstring_),
		"$kw":      starlark.NewBuiltin("call", kw),
	}
	if v, ok := predeclared["await_"]; ok {
		d["$await"] = v
	}
	if m, ok := predeclared["asyncio"].(starlark.HasAttrs); ok {
		if v, err := m.Attr("coroutine"); err == nil && v != nil {
			d["$coroutine"] = v
		}
	}
	return d
}

type hidden struct {
	predeclared starlark.StringDict

	mu   sync.Mutex
	made map[string]starlark.Value // exception types made with type()
}

// is_ is Python's `x is y`: the same object. Values Starlark passes by value
// (ints, strings, None, booleans) are the same when equal and of one type.
func is_(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, y starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &x, &y); err != nil {
		return nil, err
	}
	return starlark.Bool(same(x, y)), nil
}

func same(x, y starlark.Value) bool {
	tx, ty := reflect.TypeOf(x), reflect.TypeOf(y)
	if tx != ty {
		return false
	}
	if tx.Comparable() {
		return x == y
	}
	vx, vy := reflect.ValueOf(x), reflect.ValueOf(y)
	if vx.Kind() == reflect.Slice { // a Tuple
		return vx.Len() == vy.Len() && (vx.Len() == 0 || vx.Pointer() == vy.Pointer())
	}
	return false
}

// raise returns the error of raising exception type name (a predeclared
// one, or one made with type(name, (base,), {}) the first time) with msg.
func (h *hidden) raise(thread *starlark.Thread, msg, name, base string) error {
	raise := h.predeclared["raise_"]
	t, err := h.excType(thread, name, base)
	if raise == nil || err != nil {
		return fmt.Errorf("%s: %s", name, msg)
	}
	exc, err := starlark.Call(thread, t, starlark.Tuple{starlark.String(msg)}, nil)
	if err != nil {
		return err
	}
	_, err = starlark.Call(thread, raise, starlark.Tuple{exc}, nil)
	return err
}

// excType returns the exception type name: predeclared, or made once as a
// subtype of base (ImportError of Exception, ModuleNotFoundError of
// ImportError), as CPython's hierarchy has them.
func (h *hidden) excType(thread *starlark.Thread, name, base string) (starlark.Value, error) {
	if t, ok := h.predeclared[name]; ok {
		return t, nil
	}
	h.mu.Lock()
	t, ok := h.made[name]
	h.mu.Unlock()
	if ok {
		return t, nil
	}
	var b starlark.Value
	var err error
	if base == "ImportError" {
		b, err = h.excType(thread, "ImportError", "Exception")
	} else {
		b, ok = h.predeclared[base]
		if !ok {
			err = fmt.Errorf("no %s", base)
		}
	}
	typ, ok := h.predeclared["type"]
	if err != nil || !ok {
		return nil, fmt.Errorf("no type()")
	}
	t, err = starlark.Call(thread, typ, starlark.Tuple{starlark.String(name), starlark.Tuple{b}, starlark.NewDict(0)}, nil)
	if err != nil {
		return nil, err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if old, ok := h.made[name]; ok {
		return old, nil
	}
	if h.made == nil {
		h.made = make(map[string]starlark.Value)
	}
	h.made[name] = t
	return t, nil
}

func (h *hidden) module(thread *starlark.Thread, name string) (starlark.Value, error) {
	for _, m := range Modules {
		if m == name {
			if v, ok := h.predeclared[name]; ok {
				return v, nil
			}
		}
	}
	return nil, h.raise(thread, fmt.Sprintf("No module named '%s' (asyncrun's modules are %s; for your own Starlark files, use load(\"file.star\", \"name\"))", name, strings.Join(Modules, ", ")), "ModuleNotFoundError", "ImportError")
}

func (h *hidden) import_(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var name string
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &name); err != nil {
		return nil, err
	}
	return h.module(thread, name)
}

func (h *hidden) from(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var name, attr string
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &name, &attr); err != nil {
		return nil, err
	}
	m, err := h.module(thread, name)
	if err != nil {
		return nil, err
	}
	if ha, ok := m.(starlark.HasAttrs); ok {
		if v, err := ha.Attr(attr); err == nil && v != nil {
			return v, nil
		}
	}
	return nil, h.raise(thread, fmt.Sprintf("cannot import name '%s' from '%s'", attr, name), "ImportError", "Exception")
}

// call calls the predeclared function name (or Starlark's own) with args.
func (h *hidden) call(thread *starlark.Thread, name string, args ...starlark.Value) (starlark.Value, error) {
	fn, ok := h.predeclared[name]
	if !ok {
		fn, ok = starlark.Universe[name]
	}
	if !ok {
		return nil, fmt.Errorf("f-string: format specs need the predeclared %s()", name)
	}
	return starlark.Call(thread, fn, starlark.Tuple(args), nil)
}

func (h *hidden) str(thread *starlark.Thread, x starlark.Value) (starlark.Value, error) {
	if s, ok := x.(starlark.String); ok {
		return s, nil
	}
	return h.call(thread, "str", x)
}

// fmt formats an f-string's field.
func (h *hidden) fmt(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	var conv, spec string
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 3, &x, &conv, &spec); err != nil {
		return nil, err
	}
	var err error
	switch conv {
	case "r", "a":
		if x, err = h.call(thread, "repr", x); err != nil {
			return nil, err
		}
		if conv == "a" {
			x = starlark.String(ascii(string(x.(starlark.String))))
		}
	case "s":
		if x, err = h.str(thread, x); err != nil {
			return nil, err
		}
	}
	if spec == "" {
		return h.str(thread, x)
	}
	return h.call(thread, "format", x, starlark.String(spec))
}

// ascii escapes the non-ASCII runes of s as Python's ascii() does.
func ascii(s string) string {
	var sb strings.Builder
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			sb.WriteRune(r)
		case r <= 0xff:
			sb.WriteString(`\x` + pad(strconv.FormatInt(int64(r), 16), 2))
		case r <= 0xffff:
			sb.WriteString(`\u` + pad(strconv.FormatInt(int64(r), 16), 4))
		default:
			sb.WriteString(`\U` + pad(strconv.FormatInt(int64(r), 16), 8))
		}
	}
	return sb.String()
}

func pad(s string, n int) string { return strings.Repeat("0", n-len(s)) + s }

func fstring_(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	var sb strings.Builder
	for _, a := range args {
		s, _ := starlark.AsString(a)
		sb.WriteString(s)
	}
	return starlark.String(sb.String()), nil
}

// kw builds the keywords of a call g(*a, k=v, **m).
func kw(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	d := starlark.NewDict(len(args))
	add := func(k, v starlark.Value) error {
		if _, found, _ := d.Get(k); found {
			return fmt.Errorf("got multiple values for keyword argument %s", k)
		}
		return d.SetKey(k, v)
	}
	for _, a := range args {
		if t, ok := a.(starlark.Tuple); ok && len(t) == 2 {
			if err := add(t[0], t[1]); err != nil {
				return nil, err
			}
			continue
		}
		m, ok := a.(starlark.IterableMapping)
		if !ok {
			return nil, fmt.Errorf("argument after ** must be a mapping, not %s", a.Type())
		}
		for _, item := range m.Items() {
			if err := add(item[0], item[1]); err != nil {
				return nil, err
			}
		}
	}
	return d, nil
}
