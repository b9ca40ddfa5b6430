package interp

import (
	"fmt"
	"math/big"
	"reflect"
	"strings"
	"time"

	startime "go.starlark.net/lib/time"
	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
)

// Converting values between Go and Starlark, for Call and for hosts.
//
//	Go                               Starlark
//	nil, nil pointer                 None
//	bool                             bool
//	int*, uint*                      int
//	float32, float64                 float
//	string                           string
//	[]byte                           bytes
//	slices and arrays                list (FromStarlark: list and tuple give []any)
//	maps with string keys            dict (FromStarlark: map[string]any, or
//	                                 map[any]any when a key is not a string)
//	structs                          struct, fields named by their `starlark:"name"`
//	                                 tag, else by the field name; "-" skips a field;
//	                                 unexported fields are skipped
//	time.Time                        time.time (go.starlark.net/lib/time)
//	time.Duration                    time.duration
//	pointers                         what they point to
//	starlark.Value                   itself
//
// FromStarlark gives int64 for ints that fit, else *big.Int; sets give
// []any in their order; structs give map[string]any. Values a script can
// change (lists, dicts) are copied, so the result may be kept and read on
// any goroutine.

// ToStarlark converts a Go value into a Starlark value (see the table
// above); it fails for channels, functions and other kinds.
func ToStarlark(v any) (starlark.Value, error) {
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
		return starlark.MakeBigInt(v), nil
	}
	return toStarlark(reflect.ValueOf(v))
}

func toStarlark(rv reflect.Value) (starlark.Value, error) {
	switch rv.Kind() {
	case reflect.Invalid:
		return starlark.None, nil
	case reflect.Pointer, reflect.Interface:
		if rv.IsNil() {
			return starlark.None, nil
		}
		return ToStarlark(rv.Elem().Interface())
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
		elems := make([]starlark.Value, rv.Len())
		for i := range elems {
			e, err := ToStarlark(rv.Index(i).Interface())
			if err != nil {
				return nil, err
			}
			elems[i] = e
		}
		return starlark.NewList(elems), nil
	case reflect.Map:
		d := starlark.NewDict(rv.Len())
		iter := rv.MapRange()
		for iter.Next() {
			k, err := ToStarlark(iter.Key().Interface())
			if err != nil {
				return nil, err
			}
			x, err := ToStarlark(iter.Value().Interface())
			if err != nil {
				return nil, err
			}
			if err := d.SetKey(k, x); err != nil {
				return nil, err
			}
		}
		return d, nil
	case reflect.Struct:
		fields := starlark.StringDict{}
		t := rv.Type()
		for i := 0; i < t.NumField(); i++ {
			name, ok := fieldName(t.Field(i))
			if !ok {
				continue
			}
			x, err := ToStarlark(rv.Field(i).Interface())
			if err != nil {
				return nil, err
			}
			fields[name] = x
		}
		return starlarkstruct.FromStringDict(starlarkstruct.Default, fields), nil
	}
	return nil, fmt.Errorf("interp.ToStarlark: cannot convert %s", rv.Type())
}

// fieldName returns the Starlark name of a struct field, and whether it is
// converted at all.
func fieldName(f reflect.StructField) (string, bool) {
	if !f.IsExported() {
		return "", false
	}
	tag := f.Tag.Get("starlark")
	if tag == "-" {
		return "", false
	}
	if name, _, _ := strings.Cut(tag, ","); name != "" {
		return name, true
	}
	return f.Name, true
}

// FromStarlark converts a Starlark value into a Go value (see the table
// above); it fails for functions, futures and other values with no Go
// counterpart. Call it where script code cannot run at the same time: on
// the loop (as Call does) or when no loop runs.
func FromStarlark(v starlark.Value) (any, error) {
	switch v := v.(type) {
	case starlark.NoneType:
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
		return fromIterable(v)
	case starlark.Tuple:
		return fromIterable(v)
	case *starlark.Set:
		return fromIterable(v)
	case *starlark.Dict:
		return fromDict(v)
	case *starlarkstruct.Struct:
		d := starlark.StringDict{}
		v.ToStringDict(d)
		out := make(map[string]any, len(d))
		for k, x := range d {
			g, err := FromStarlark(x)
			if err != nil {
				return nil, err
			}
			out[k] = g
		}
		return out, nil
	}
	return nil, fmt.Errorf("interp.FromStarlark: cannot convert %s", v.Type())
}

func fromIterable(it starlark.Iterable) ([]any, error) {
	out := []any{}
	iter := it.Iterate()
	defer iter.Done()
	var x starlark.Value
	for iter.Next(&x) {
		g, err := FromStarlark(x)
		if err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, nil
}

func fromDict(d *starlark.Dict) (any, error) {
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
			g, err := FromStarlark(kv[1])
			if err != nil {
				return nil, err
			}
			out[string(kv[0].(starlark.String))] = g
		}
		return out, nil
	}
	out := make(map[any]any, len(items))
	for _, kv := range items {
		k, err := FromStarlark(kv[0])
		if err != nil {
			return nil, err
		}
		if !reflect.TypeOf(k).Comparable() {
			return nil, fmt.Errorf("interp.FromStarlark: a dict key of type %s has no Go map key", kv[0].Type())
		}
		g, err := FromStarlark(kv[1])
		if err != nil {
			return nil, err
		}
		out[k] = g
	}
	return out, nil
}
