package modules

import (
	"strings"
	"time"

	"github.com/asyncrun/asyncrun/internal/builtins"
	startime "go.starlark.net/lib/time"
	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
	"go.starlark.net/syntax"
)

// datetimeModule has datetime.now() (following the runtime's clock, virtual
// or real) and datetime.fromtimestamp(t).
var datetimeModule = &starlarkstruct.Module{Name: "datetime", Members: starlark.StringDict{
	"datetime": builtins.ModuleClass("datetime", "datetime", datetimeNew, starlark.StringDict{
		"now": builtins.NewBuiltin("now", func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackArgs(b.Name(), args, kwargs); err != nil {
				return nil, err
			}
			return dateTime(builtins.Clock(thread).Wall().Local()), nil
		}),
		"fromtimestamp": builtins.NewBuiltin("fromtimestamp", func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var ts float64
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &ts); err != nil {
				return nil, err
			}
			return dateTime(time.Unix(0, int64(ts*1e9)).Local()), nil
		}),
	}),
}}

func datetimeNew(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var y, mo, d, h, mi, s, us int
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "year", &y, "month", &mo, "day", &d, "hour?", &h, "minute?", &mi, "second?", &s, "microsecond?", &us); err != nil {
		return nil, err
	}
	return dateTime(time.Date(y, time.Month(mo), d, h, mi, s, us*1000, time.Local)), nil
}

// dateTime is a datetime.datetime value; it prints as Python's str() does.
type dateTime time.Time

func (d dateTime) String() string {
	t := time.Time(d)
	if t.Nanosecond()/1000 == 0 {
		return t.Format("2006-01-02 15:04:05")
	}
	return t.Format("2006-01-02 15:04:05.000000")
}
func (d dateTime) Type() string          { return "datetime.datetime" }
func (d dateTime) Freeze()               {}
func (d dateTime) Truth() starlark.Bool  { return true }
func (d dateTime) Hash() (uint32, error) { return uint32(time.Time(d).UnixNano()), nil }
func (d dateTime) AttrNames() []string {
	return dateTimeMethods.Names("day", "hour", "microsecond", "minute", "month", "second", "year")
}

// Attr returns the datetime's fields and its methods isoformat() and
// timestamp().
func (d dateTime) Attr(name string) (starlark.Value, error) {
	t := time.Time(d)
	switch name {
	case "year":
		return starlark.MakeInt(t.Year()), nil
	case "month":
		return starlark.MakeInt(int(t.Month())), nil
	case "day":
		return starlark.MakeInt(t.Day()), nil
	case "hour":
		return starlark.MakeInt(t.Hour()), nil
	case "minute":
		return starlark.MakeInt(t.Minute()), nil
	case "second":
		return starlark.MakeInt(t.Second()), nil
	case "microsecond":
		return starlark.MakeInt(t.Nanosecond() / 1000), nil
	}
	return dateTimeMethods.Attr(d, name), nil
}

var dateTimeMethods = builtins.NewMethods(map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
	"timestamp": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := builtins.NoArgs(b, args, kwargs); err != nil {
			return nil, err
		}
		return starlark.Float(float64(time.Time(b.Receiver().(dateTime)).UnixNano()) / 1e9), nil
	},
	"isoformat": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := builtins.NoArgs(b, args, kwargs); err != nil {
			return nil, err
		}
		return starlark.String(strings.Replace(b.Receiver().(dateTime).String(), " ", "T", 1)), nil
	},
})

// CompareSameType orders datetimes.
func (d dateTime) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	c := time.Time(d).Compare(time.Time(y.(dateTime)))
	switch op {
	case syntax.EQL:
		return c == 0, nil
	case syntax.NEQ:
		return c != 0, nil
	case syntax.LT:
		return c < 0, nil
	case syntax.LE:
		return c <= 0, nil
	case syntax.GT:
		return c > 0, nil
	}
	return c >= 0, nil
}

// timeModule is go.starlark.net's time module with now() following the
// runtime's clock (virtual or real).
var timeModule = func() *starlarkstruct.Module {
	members := starlark.StringDict{}
	for k, v := range startime.Module.Members {
		members[k] = v
	}
	members["now"] = builtins.NewBuiltin("now", func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackArgs(b.Name(), args, kwargs); err != nil {
			return nil, err
		}
		return startime.Time(builtins.Clock(thread).Wall()), nil
	})
	return &starlarkstruct.Module{Name: "time", Members: members}
}()
