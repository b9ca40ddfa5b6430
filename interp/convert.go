package interp

import (
	"errors"
	"fmt"
	"math/big"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/asyncrun/asyncrun/internal/builtins"
	"github.com/asyncrun/asyncrun/pyexc"
	startime "go.starlark.net/lib/time"
	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
)

// Converting values between Go and Starlark, for Call and for hosts. The
// table is in the package documentation (doc.go).

// maxDepth is how deeply a converted value may nest (lists in lists, struct
// fields, pointers): deeper, the conversion fails instead of exhausting the
// goroutine's stack.
const maxDepth = 1000

// ConvertError is a value that could not be converted: Path says where in
// the value ("result[0][\"k\"]", "argument 2.Name"), Err why.
type ConvertError struct {
	Path string
	Err  error
}

// Error returns "path: reason".
func (e *ConvertError) Error() string { return e.Path + ": " + e.Err.Error() }

// Unwrap returns the reason.
func (e *ConvertError) Unwrap() error { return e.Err }

// ErrCycle is the reason of a ConvertError for a value that contains itself.
var ErrCycle = errors.New("the value contains itself (a cycle)")

// ErrTooDeep is the reason of a ConvertError for a value nested deeper
// than 1000 levels.
var ErrTooDeep = errors.New("the value is nested too deeply")

// conv is one conversion: the path to where it is (built only when it
// fails) and the containers on that path, to find cycles.
type conv struct {
	root  string
	path  []string
	onWay map[any]bool
}

func (c *conv) fail(err error) error {
	var ce *ConvertError
	if errors.As(err, &ce) {
		return err
	}
	return &ConvertError{Path: c.root + strings.Join(c.path, ""), Err: err}
}

// enter notes that the conversion goes into container id (nil: not a
// container that can be cyclic) at path segment seg; leave undoes it.
func (c *conv) enter(id any, seg string) error {
	c.path = append(c.path, seg)
	if len(c.path) > maxDepth {
		return c.fail(ErrTooDeep)
	}
	if id != nil {
		if c.onWay == nil {
			c.onWay = make(map[any]bool)
		}
		if c.onWay[id] {
			return c.fail(ErrCycle)
		}
		c.onWay[id] = true
	}
	return nil
}

func (c *conv) leave(id any) {
	c.path = c.path[:len(c.path)-1]
	if id != nil {
		delete(c.onWay, id)
	}
}

// catch turns a panic of a value's own methods into an error.
func (c *conv) catch(err *error) {
	if r := recover(); r != nil {
		*err = c.fail(fmt.Errorf("converting panicked: %v", r))
	}
}

// ToStarlark converts a Go value into a Starlark value (see the package
// documentation for the table). It fails, with a *ConvertError naming
// where, for channels, functions and other kinds, and for values that
// contain themselves or nest deeper than 1000 levels. It never panics.
func ToStarlark(v any) (sv starlark.Value, err error) {
	return toStarlarkAt("value", v)
}

func toStarlarkAt(root string, v any) (sv starlark.Value, err error) {
	c := &conv{root: root}
	defer c.catch(&err)
	return c.to(v)
}

var (
	bigIntType   = reflect.TypeFor[big.Int]()
	timeType     = reflect.TypeFor[time.Time]()
	durationType = reflect.TypeFor[time.Duration]()
	errorType    = reflect.TypeFor[error]()
)

func (c *conv) to(v any) (starlark.Value, error) {
	switch v := v.(type) {
	case nil:
		return starlark.None, nil
	case starlark.Value:
		return v, nil
	case time.Time:
		return startime.Time(v), nil
	case time.Duration:
		return startime.Duration(v), nil
	case []byte:
		return starlark.Bytes(v), nil
	case *big.Int:
		if v == nil {
			return starlark.None, nil
		}
		return starlark.MakeBigInt(v), nil
	case *Exception:
		if v == nil {
			return starlark.None, nil
		}
		return c.exception(v)
	case error:
		if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && rv.IsNil() {
			return starlark.None, nil
		}
		var x *Exception
		if errors.As(v, &x) {
			return c.exception(x)
		}
		return builtins.NewException(pyexc.Exception, v.Error()).(starlark.Value), nil
	}
	return c.toValue(reflect.ValueOf(v))
}

// exception converts x to the script's exception of its kind; a Type that
// names no exception type fails (ErrUnknownExceptionType).
func (c *conv) exception(x *Exception) (starlark.Value, error) {
	k, err := x.kind()
	if err != nil {
		return nil, c.fail(err)
	}
	return builtins.NewException(k, x.Message).(starlark.Value), nil
}

func (c *conv) toValue(rv reflect.Value) (starlark.Value, error) {
	switch rv.Type() {
	case bigIntType:
		b := new(big.Int)
		if rv.CanAddr() {
			b.Set(rv.Addr().Interface().(*big.Int))
		} else {
			x := rv.Interface().(big.Int) //nolint:govet // a copy read once
			b.Set(&x)
		}
		return starlark.MakeBigInt(b), nil
	}
	switch rv.Kind() {
	case reflect.Invalid:
		return starlark.None, nil
	case reflect.Pointer:
		if rv.IsNil() {
			return starlark.None, nil
		}
		if err := c.enter(rv.Pointer(), ""); err != nil {
			return nil, err
		}
		defer c.leave(rv.Pointer())
		return c.to(rv.Elem().Interface())
	case reflect.Interface:
		if rv.IsNil() {
			return starlark.None, nil
		}
		return c.to(rv.Elem().Interface())
	case reflect.Bool:
		return starlark.Bool(rv.Bool()), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return starlark.MakeInt64(rv.Int()), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return starlark.MakeUint64(rv.Uint()), nil
	case reflect.Float32, reflect.Float64:
		return starlark.Float(rv.Float()), nil
	case reflect.String:
		return starlark.String(rv.String()), nil
	case reflect.Slice, reflect.Array:
		if rv.Kind() == reflect.Slice && rv.Type().Elem().Kind() == reflect.Uint8 {
			return starlark.Bytes(rv.Bytes()), nil
		}
		var id any
		if rv.Kind() == reflect.Slice && rv.Len() > 0 {
			id = sliceID{rv.Pointer(), rv.Len()}
		}
		elems := make([]starlark.Value, rv.Len())
		for i := range elems {
			if err := c.enter(id, "["+strconv.Itoa(i)+"]"); err != nil {
				return nil, err
			}
			e, err := c.to(rv.Index(i).Interface())
			c.leave(id)
			if err != nil {
				return nil, err
			}
			elems[i] = e
		}
		return starlark.NewList(elems), nil
	case reflect.Map:
		if rv.IsNil() {
			return starlark.None, nil
		}
		keys := rv.MapKeys()
		sortKeys(keys)
		d := starlark.NewDict(len(keys))
		id := rv.Pointer()
		for _, key := range keys {
			if err := c.enter(id, "["+keyString(key)+"]"); err != nil {
				return nil, err
			}
			k, err := c.toKey(key)
			if err == nil {
				var x starlark.Value
				if x, err = c.to(rv.MapIndex(key).Interface()); err == nil {
					err = d.SetKey(k, x)
				}
			}
			if err != nil {
				return nil, c.fail(err)
			}
			c.leave(id)
		}
		return d, nil
	case reflect.Struct:
		fields := starlark.StringDict{}
		for _, f := range structFields(rv.Type()) {
			fv, ok := fieldByIndex(rv, f.index)
			if !ok {
				continue // in a nil embedded pointer
			}
			if err := c.enter(nil, "."+f.name); err != nil {
				return nil, err
			}
			x, err := c.to(fv.Interface())
			c.leave(nil)
			if err != nil {
				return nil, err
			}
			fields[f.name] = x
		}
		return starlarkstruct.FromStringDict(starlarkstruct.Default, fields), nil
	}
	return nil, c.fail(fmt.Errorf("cannot convert %s", rv.Type()))
}

// toKey converts a map key: as a value, but an array (FromStarlark's
// tuple key) becomes a tuple, which is hashable.
func (c *conv) toKey(k reflect.Value) (starlark.Value, error) {
	if k.Kind() == reflect.Interface && !k.IsNil() {
		k = k.Elem()
	}
	if k.Kind() != reflect.Array {
		return c.to(k.Interface())
	}
	t := make(starlark.Tuple, k.Len())
	for i := range t {
		if err := c.enter(nil, "["+strconv.Itoa(i)+"]"); err != nil {
			return nil, err
		}
		x, err := c.toKey(k.Index(i))
		c.leave(nil)
		if err != nil {
			return nil, err
		}
		t[i] = x
	}
	return t, nil
}

// sliceID identifies a slice for cycle detection: its array and length.
type sliceID struct {
	p uintptr
	n int
}

// keyString writes a map key for a path.
func keyString(k reflect.Value) string {
	if k.Kind() == reflect.String {
		return strconv.Quote(k.String())
	}
	return fmt.Sprint(k.Interface())
}

// sortKeys sorts map keys: numbers by value, strings and the rest by
// their text, so that a Go map becomes a dict in one order every time.
func sortKeys(keys []reflect.Value) {
	sort.SliceStable(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.Kind() == reflect.Interface {
			a = a.Elem()
		}
		if b.Kind() == reflect.Interface {
			b = b.Elem()
		}
		if a.Kind() == b.Kind() {
			switch a.Kind() {
			case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
				return a.Int() < b.Int()
			case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
				return a.Uint() < b.Uint()
			case reflect.Float32, reflect.Float64:
				return a.Float() < b.Float()
			case reflect.String:
				return a.String() < b.String()
			case reflect.Bool:
				return !a.Bool() && b.Bool()
			}
		} else if a.IsValid() && b.IsValid() {
			if a.Kind() != b.Kind() {
				return a.Type().String() < b.Type().String()
			}
		}
		return fmt.Sprint(a) < fmt.Sprint(b)
	})
}

// field is a converted struct field: its Starlark name and where it is
// (a path through embedded structs).
type field struct {
	name  string
	index []int
}

var fieldCache sync.Map // reflect.Type -> []field

// structFields returns the converted fields of struct type t, in order:
// the fields of embedded structs without a tag name are flattened, as
// encoding/json does; a shallower field hides deeper ones of its name, and
// of several at the same depth a tagged one wins, else none.
func structFields(t reflect.Type) []field {
	if fs, ok := fieldCache.Load(t); ok {
		return fs.([]field)
	}
	type cand struct {
		field
		depth  int
		tagged bool
	}
	var all []cand
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type, index []int, depth int)
	walk = func(t reflect.Type, index []int, depth int) {
		if seen[t] {
			return
		}
		seen[t] = true
		defer delete(seen, t)
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			tag := f.Tag.Get("starlark")
			if tag == "-" {
				continue
			}
			name, _, _ := strings.Cut(tag, ",")
			idx := append(append([]int(nil), index...), i)
			if f.Anonymous && name == "" {
				ft := f.Type
				if ft.Kind() == reflect.Pointer {
					ft = ft.Elem()
				}
				if ft.Kind() == reflect.Struct && ft != timeType && ft != bigIntType {
					walk(ft, idx, depth+1)
					continue
				}
			}
			if !f.IsExported() {
				continue
			}
			tagged := name != ""
			if !tagged {
				name = f.Name
			}
			all = append(all, cand{field{name, idx}, depth, tagged})
		}
	}
	walk(t, nil, 0)
	var out []field
	for i, c := range all {
		keep := true
		for j, d := range all {
			if i == j || d.name != c.name {
				continue
			}
			if d.depth < c.depth || (d.depth == c.depth && (d.tagged && !c.tagged || d.tagged == c.tagged)) {
				keep = false
				break
			}
		}
		if keep {
			out = append(out, c.field)
		}
	}
	fieldCache.Store(t, out)
	return out
}

// fieldByIndex is rv.FieldByIndex, reporting false for a field inside a nil
// embedded pointer.
func fieldByIndex(rv reflect.Value, index []int) (reflect.Value, bool) {
	for i, x := range index {
		if i > 0 && rv.Kind() == reflect.Pointer {
			if rv.IsNil() {
				return reflect.Value{}, false
			}
			rv = rv.Elem()
		}
		rv = rv.Field(x)
	}
	return rv, true
}

// FromStarlark converts a Starlark value into a Go value (see the package
// documentation for the table). It fails, with a *ConvertError naming
// where, for functions, futures and other values with no Go counterpart,
// and for values that contain themselves or nest deeper than 1000 levels.
// It never panics. Call it where script code cannot run at the same time:
// on the loop (as Call does) or when no loop runs.
func FromStarlark(v starlark.Value) (any, error) {
	return fromStarlarkAt("value", v)
}

func fromStarlarkAt(root string, v starlark.Value) (g any, err error) {
	c := &conv{root: root}
	defer c.catch(&err)
	return c.from(v)
}

func (c *conv) from(v starlark.Value) (any, error) {
	switch v := v.(type) {
	case nil, starlark.NoneType:
		return nil, nil
	case starlark.Bool:
		return bool(v), nil
	case starlark.Int:
		if i, ok := v.Int64(); ok {
			return i, nil
		}
		return v.BigInt(), nil
	case starlark.Float:
		return float64(v), nil
	case starlark.String:
		return string(v), nil
	case starlark.Bytes:
		return []byte(v), nil
	case startime.Time:
		return time.Time(v), nil
	case startime.Duration:
		return time.Duration(v), nil
	case *starlark.List:
		return c.fromSeq(v, v)
	case starlark.Tuple:
		return c.fromSeq(nil, v)
	case *starlark.Set:
		out := make([]any, 0, v.Len())
		iter := v.Iterate()
		defer iter.Done()
		var x starlark.Value
		for i := 0; iter.Next(&x); i++ {
			if err := c.enter(v, "{"+strconv.Itoa(i)+"}"); err != nil {
				return nil, err
			}
			g, err := c.from(x)
			c.leave(v)
			if err != nil {
				return nil, err
			}
			out = append(out, g)
		}
		return out, nil
	case *starlark.Dict:
		return c.fromDict(v)
	case *starlarkstruct.Struct:
		d := starlark.StringDict{}
		v.ToStringDict(d)
		out := make(map[string]any, len(d))
		for _, k := range d.Keys() {
			if err := c.enter(v, "."+k); err != nil {
				return nil, err
			}
			g, err := c.from(d[k])
			c.leave(v)
			if err != nil {
				return nil, err
			}
			out[k] = g
		}
		return out, nil
	case error:
		if name, kind, msg, ok := builtins.ExceptionOf(v); ok {
			return &Exception{Type: name, Message: msg, base: kind, baseOf: name}, nil
		}
	}
	return nil, c.fail(fmt.Errorf("cannot convert %s", v.Type()))
}

func (c *conv) fromSeq(id any, s starlark.Indexable) (any, error) {
	n := s.Len()
	out := make([]any, 0, n)
	for i := 0; i < n && i < s.Len(); i++ {
		if err := c.enter(id, "["+strconv.Itoa(i)+"]"); err != nil {
			return nil, err
		}
		g, err := c.from(s.Index(i))
		c.leave(id)
		if err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, nil
}

func (c *conv) fromDict(d *starlark.Dict) (any, error) {
	items := d.Items()
	strKeys := true
	for _, kv := range items {
		if _, ok := kv[0].(starlark.String); !ok {
			strKeys = false
		}
	}
	if strKeys {
		out := make(map[string]any, len(items))
		for _, kv := range items {
			k := string(kv[0].(starlark.String))
			if err := c.enter(d, "["+strconv.Quote(k)+"]"); err != nil {
				return nil, err
			}
			g, err := c.from(kv[1])
			c.leave(d)
			if err != nil {
				return nil, err
			}
			out[k] = g
		}
		return out, nil
	}
	out := make(map[any]any, len(items))
	for _, kv := range items {
		if err := c.enter(d, "["+kv[0].String()+"]"); err != nil {
			return nil, err
		}
		k, err := c.key(kv[0])
		if err == nil {
			var g any
			if g, err = c.from(kv[1]); err == nil {
				out[k] = g
			}
		}
		c.leave(d)
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// key converts a dict key into a comparable Go value: a tuple becomes an
// array of its converted elements ([n]any), bytes a string; keys of other
// kinds convert as values do, when the result is comparable.
func (c *conv) key(k starlark.Value) (any, error) {
	switch k := k.(type) {
	case starlark.Tuple:
		arr := reflect.New(reflect.ArrayOf(len(k), reflect.TypeFor[any]())).Elem()
		for i, x := range k {
			if err := c.enter(nil, "["+strconv.Itoa(i)+"]"); err != nil {
				return nil, err
			}
			g, err := c.key(x)
			c.leave(nil)
			if err != nil {
				return nil, err
			}
			if g != nil {
				arr.Index(i).Set(reflect.ValueOf(g))
			}
		}
		return arr.Interface(), nil
	case starlark.Bytes:
		return string(k), nil
	}
	g, err := c.from(k)
	if err != nil {
		return nil, err
	}
	if g != nil && !comparable(reflect.ValueOf(g)) {
		return nil, c.fail(fmt.Errorf("a dict key of type %s has no Go map key", k.Type()))
	}
	return g, nil
}

// comparable reports whether v may be a map key without a panic.
func comparable(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Interface:
		return v.IsNil() || comparable(v.Elem())
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			if !comparable(v.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if !comparable(v.Field(i)) {
				return false
			}
		}
		return true
	}
	return v.Type().Comparable()
}
