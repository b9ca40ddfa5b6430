package interp

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"reflect"
	"strconv"
	"strings"
	"time"

	"go.starlark.net/starlark"
)

// Decode stores v, a result of Call or FromStarlark (or a Starlark value,
// converted first), in the Go value dst points to, as json.Unmarshal does
// for JSON: a dict or struct fills a Go struct field by field (named by
// their `starlark:"name"` tag, else by the field name, matched exactly or
// else case-insensitively; embedded structs flattened; keys with no field
// ignored) or a Go map; a list or tuple fills a slice or array; numbers
// fill any numeric kind they fit; an int beyond int64 fills a big.Int; None
// leaves dst's value as it is (a pointer, map or slice becomes nil);
// anything fills an `any`. A value that does not fit fails with a
// *ConvertError naming where ("value.items[2].price: ...").
func Decode(v any, dst any) (err error) {
	c := &conv{root: "value"}
	defer c.catch(&err)
	if sv, ok := v.(starlark.Value); ok {
		if v, err = c.from(sv); err != nil {
			return err
		}
	}
	rv := reflect.ValueOf(dst)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("interp.Decode: dst must be a non-nil pointer, got %T", dst)
	}
	return c.decode(v, rv.Elem())
}

func (c *conv) decode(v any, dst reflect.Value) error {
	if v == nil {
		switch dst.Kind() {
		case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Interface:
			dst.SetZero()
		}
		return nil
	}
	switch dst.Type() {
	case bigIntType:
		switch v := v.(type) {
		case int64:
			dst.Set(reflect.ValueOf(big.NewInt(v)).Elem())
			return nil
		case *big.Int:
			dst.Addr().Interface().(*big.Int).Set(v)
			return nil
		}
		return c.mismatch(v, dst)
	case timeType, durationType:
		if rv := reflect.ValueOf(v); rv.Type() == dst.Type() {
			dst.Set(rv)
			return nil
		}
		return c.mismatch(v, dst)
	}
	switch dst.Kind() {
	case reflect.Interface:
		rv := reflect.ValueOf(v)
		if !rv.Type().AssignableTo(dst.Type()) {
			return c.mismatch(v, dst)
		}
		dst.Set(rv)
		return nil
	case reflect.Pointer:
		if dst.IsNil() {
			dst.Set(reflect.New(dst.Type().Elem()))
		}
		if err := c.enter(nil, ""); err != nil {
			return err
		}
		defer c.leave(nil)
		return c.decode(v, dst.Elem())
	case reflect.Bool:
		if b, ok := v.(bool); ok {
			dst.SetBool(b)
			return nil
		}
	case reflect.String:
		if s, ok := v.(string); ok {
			dst.SetString(s)
			return nil
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if i, ok := v.(int64); ok {
			if dst.OverflowInt(i) {
				return c.fail(fmt.Errorf("%d overflows %s", i, dst.Type()))
			}
			dst.SetInt(i)
			return nil
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		switch i := v.(type) {
		case int64:
			if i < 0 || dst.OverflowUint(uint64(i)) {
				return c.fail(fmt.Errorf("%d overflows %s", i, dst.Type()))
			}
			dst.SetUint(uint64(i))
			return nil
		case *big.Int:
			if !i.IsUint64() || dst.OverflowUint(i.Uint64()) {
				return c.fail(fmt.Errorf("%s overflows %s", i, dst.Type()))
			}
			dst.SetUint(i.Uint64())
			return nil
		}
	case reflect.Float32, reflect.Float64:
		var f float64
		switch x := v.(type) {
		case float64:
			f = x
		case int64:
			f = float64(x)
		case *big.Int:
			f, _ = new(big.Float).SetInt(x).Float64()
		default:
			return c.mismatch(v, dst)
		}
		if dst.Kind() == reflect.Float32 && math.Abs(f) > math.MaxFloat32 && !math.IsInf(f, 0) {
			return c.fail(fmt.Errorf("%g overflows float32", f))
		}
		dst.SetFloat(f)
		return nil
	case reflect.Slice:
		if dst.Type().Elem().Kind() == reflect.Uint8 {
			if b, ok := v.([]byte); ok {
				dst.SetBytes(append([]byte(nil), b...))
				return nil
			}
			if s, ok := v.(string); ok {
				dst.SetBytes([]byte(s))
				return nil
			}
		}
		list, ok := v.([]any)
		if !ok {
			break
		}
		s := reflect.MakeSlice(dst.Type(), len(list), len(list))
		for i, x := range list {
			if err := c.enter(nil, "["+strconv.Itoa(i)+"]"); err != nil {
				return err
			}
			if err := c.decode(x, s.Index(i)); err != nil {
				return err
			}
			c.leave(nil)
		}
		dst.Set(s)
		return nil
	case reflect.Array:
		list, ok := v.([]any)
		if !ok {
			break
		}
		if len(list) != dst.Len() {
			return c.fail(fmt.Errorf("a list of %d elements does not fit %s", len(list), dst.Type()))
		}
		for i, x := range list {
			if err := c.enter(nil, "["+strconv.Itoa(i)+"]"); err != nil {
				return err
			}
			if err := c.decode(x, dst.Index(i)); err != nil {
				return err
			}
			c.leave(nil)
		}
		return nil
	case reflect.Map:
		return c.decodeMap(v, dst)
	case reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			break
		}
		fields := structFields(dst.Type())
		for k, x := range m {
			f := lookupField(fields, k)
			if f == nil {
				continue
			}
			if err := c.enter(nil, "."+k); err != nil {
				return err
			}
			fv, err := settableField(dst, f.index)
			if err == nil {
				err = c.decode(x, fv)
			}
			if err != nil {
				return c.fail(err)
			}
			c.leave(nil)
		}
		return nil
	}
	return c.mismatch(v, dst)
}

func (c *conv) decodeMap(v any, dst reflect.Value) error {
	t := dst.Type()
	if dst.IsNil() {
		dst.Set(reflect.MakeMap(t))
	}
	put := func(k, x any) error {
		seg := fmt.Sprint(k)
		if s, ok := k.(string); ok {
			seg = strconv.Quote(s)
		}
		if err := c.enter(nil, "["+seg+"]"); err != nil {
			return err
		}
		kv := reflect.New(t.Key()).Elem()
		if err := c.decode(k, kv); err != nil {
			return err
		}
		xv := reflect.New(t.Elem()).Elem()
		if err := c.decode(x, xv); err != nil {
			return err
		}
		dst.SetMapIndex(kv, xv)
		c.leave(nil)
		return nil
	}
	switch m := v.(type) {
	case map[string]any:
		for k, x := range m {
			if err := put(k, x); err != nil {
				return err
			}
		}
		return nil
	case map[any]any:
		for k, x := range m {
			if err := put(k, x); err != nil {
				return err
			}
		}
		return nil
	}
	return c.mismatch(v, dst)
}

func lookupField(fields []field, name string) *field {
	for i := range fields {
		if fields[i].name == name {
			return &fields[i]
		}
	}
	for i := range fields {
		if strings.EqualFold(fields[i].name, name) {
			return &fields[i]
		}
	}
	return nil
}

// settableField returns the field at index, making the embedded pointers
// on the way.
func settableField(rv reflect.Value, index []int) (reflect.Value, error) {
	for i, x := range index {
		if i > 0 && rv.Kind() == reflect.Pointer {
			if rv.IsNil() {
				if !rv.CanSet() {
					return reflect.Value{}, errors.New("cannot set a field of an unexported embedded pointer")
				}
				rv.Set(reflect.New(rv.Type().Elem()))
			}
			rv = rv.Elem()
		}
		rv = rv.Field(x)
	}
	if !rv.CanSet() {
		return reflect.Value{}, errors.New("cannot set the field")
	}
	return rv, nil
}

func (c *conv) mismatch(v any, dst reflect.Value) error {
	return c.fail(fmt.Errorf("cannot store %s in %s", goTypeName(v), dst.Type()))
}

// goTypeName names the Starlark kind of a converted value.
func goTypeName(v any) string {
	switch v.(type) {
	case int64, *big.Int:
		return "int"
	case float64:
		return "float"
	case string:
		return "string"
	case bool:
		return "bool"
	case []byte:
		return "bytes"
	case []any:
		return "list"
	case map[string]any, map[any]any:
		return "dict"
	case time.Time:
		return "time"
	case time.Duration:
		return "duration"
	}
	return fmt.Sprintf("%T", v)
}
