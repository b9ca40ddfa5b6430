package builtins

import (
	"fmt"
	"io"
	"strings"
	"time"

	"go.starlark.net/lib/json"
	"go.starlark.net/lib/math"
	startime "go.starlark.net/lib/time"
	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
	"go.starlark.net/syntax"
)

func (rt *Runtime) makePredeclared() starlark.StringDict {
	d := starlark.StringDict{
		"asyncio":   asyncioModule(),
		"await_":    &awaitBuiltin{},
		"datetime":  datetimeModule,
		"functools": functoolsModule,
		"json":      json.Module,
		"math":      math.Module,
		"print":     starlark.NewBuiltin("print", print_),
		"repr":      starlark.NewBuiltin("repr", repr_),
		"raise_":    starlark.NewBuiltin("raise_", raise_),
		"struct":    starlark.NewBuiltin("struct", starlarkstruct.Make),
		"sys":       rt.sysModule(),
		"time":      timeModule,
		"try_":      starlark.NewBuiltin("try_", try_),
	}
	for _, t := range []*ExceptionType{exc.BaseException, exc.Exception, exc.RuntimeError, exc.ValueError,
		exc.TypeError, exc.KeyError, exc.ZeroDivisionError, exc.NotImplementedError, exc.TimeoutError} {
		d[t.name] = t
	}
	return d
}

// stream is sys.stdout or sys.stderr: write(s) and flush().
type stream struct {
	name string
	w    io.Writer
}

func (s *stream) String() string        { return "<_io.TextIOWrapper name='<" + s.name + ">'>" }
func (s *stream) Type() string          { return "TextIOWrapper" }
func (s *stream) Freeze()               {}
func (s *stream) Truth() starlark.Bool  { return true }
func (s *stream) Hash() (uint32, error) { return starlark.String(s.name).Hash() }
func (s *stream) AttrNames() []string   { return []string{"flush", "write"} }
func (s *stream) Attr(name string) (starlark.Value, error) {
	switch name {
	case "write":
		return starlark.NewBuiltin("write", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var text string
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &text); err != nil {
				return nil, err
			}
			io.WriteString(s.w, text)
			return starlark.MakeInt(len([]rune(text))), nil
		}), nil
	case "flush":
		return starlark.NewBuiltin("flush", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.None, nil
		}), nil
	}
	return nil, nil
}

func (rt *Runtime) sysModule() *starlarkstruct.Module {
	argv := make([]starlark.Value, len(rt.cfg.Argv))
	for i, a := range rt.cfg.Argv {
		argv[i] = starlark.String(a)
	}
	return &starlarkstruct.Module{Name: "sys", Members: starlark.StringDict{
		"argv":   starlark.NewList(argv),
		"stdout": &stream{"stdout", rt.stdout},
		"stderr": &stream{"stderr", rt.stderr},
	}}
}

// writerFor resolves a file= argument: None is stderr (for print_stack) or a
// value with a write method.
func (rt *Runtime) writerFor(file starlark.Value) (io.Writer, error) {
	switch f := file.(type) {
	case starlark.NoneType:
		return rt.stderr, nil
	case *stream:
		return f.w, nil
	}
	return nil, newExc(exc.TypeError, "file must be sys.stdout, sys.stderr or None, got %s", file.Type())
}

// print_ is Python's print(*args, sep=" ", end="\n", file=None, flush=False).
func print_(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	sep, end := " ", "\n"
	var file, flush, sepv, endv starlark.Value = starlark.None, starlark.False, starlark.None, starlark.None
	if err := starlark.UnpackArgs(b.Name(), nil, kwargs, "sep?", &sepv, "end?", &endv, "file?", &file, "flush?", &flush); err != nil {
		return nil, err
	}
	if s, ok := sepv.(starlark.String); ok {
		sep = string(s)
	}
	if s, ok := endv.(starlark.String); ok {
		end = string(s)
	}
	rt := rtOf(thread)
	w := rt.stdout
	if file != starlark.None {
		var err error
		if w, err = rt.writerFor(file); err != nil {
			return nil, err
		}
	}
	var sb strings.Builder
	for i, a := range args {
		if i > 0 {
			sb.WriteString(sep)
		}
		if s, ok := starlark.AsString(a); ok {
			sb.WriteString(s)
		} else {
			sb.WriteString(a.String())
		}
	}
	sb.WriteString(end)
	io.WriteString(w, sb.String())
	return starlark.None, nil
}

// functoolsModule has partial(fn, *args, **kwargs).
var functoolsModule = &starlarkstruct.Module{Name: "functools", Members: starlark.StringDict{
	"partial": starlark.NewBuiltin("partial", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) == 0 {
			return nil, newExc(exc.TypeError, "partial: missing the function argument")
		}
		fn, ok := args[0].(starlark.Callable)
		if !ok {
			return nil, newExc(exc.TypeError, "partial: the first argument must be callable, got %s", args[0].Type())
		}
		return &Partial{fn: fn, args: args[1:], kwargs: kwargs}, nil
	}),
}}

// Partial is functools.partial(fn, *args, **kwargs): calling it calls fn with
// those arguments first.
type Partial struct {
	fn     starlark.Callable
	args   starlark.Tuple
	kwargs []starlark.Tuple
}

func (p *Partial) Name() string { return p.fn.Name() }
func (p *Partial) String() string {
	parts := []string{p.fn.String()}
	for _, a := range p.args {
		parts = append(parts, reprValue(a))
	}
	for _, kv := range p.kwargs {
		k, _ := starlark.AsString(kv[0])
		parts = append(parts, k+"="+reprValue(kv[1]))
	}
	return "functools.partial(" + strings.Join(parts, ", ") + ")"
}
func (p *Partial) Type() string          { return "functools.partial" }
func (p *Partial) Freeze()               {}
func (p *Partial) Truth() starlark.Bool  { return true }
func (p *Partial) Hash() (uint32, error) { return 0, fmt.Errorf("unhashable: functools.partial") }
func (p *Partial) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	all := append(append(starlark.Tuple{}, p.args...), args...)
	kw := append(append([]starlark.Tuple{}, p.kwargs...), kwargs...)
	return starlark.Call(thread, p.fn, all, kw)
}

// datetimeModule has datetime.now() (following the runtime's clock, virtual
// or real) and datetime.fromtimestamp(t).
var datetimeModule = &starlarkstruct.Module{Name: "datetime", Members: starlark.StringDict{
	"datetime": &class{name: "datetime", call: starlark.NewBuiltin("datetime", datetimeNew), attrs: starlark.StringDict{
		"now": starlark.NewBuiltin("now", func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackArgs(b.Name(), args, kwargs); err != nil {
				return nil, err
			}
			return DateTime(rtOf(thread).clock.Wall().Local()), nil
		}),
		"fromtimestamp": starlark.NewBuiltin("fromtimestamp", func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var ts float64
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &ts); err != nil {
				return nil, err
			}
			return DateTime(time.Unix(0, int64(ts*1e9)).Local()), nil
		}),
	}},
}}

func datetimeNew(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var y, mo, d, h, mi, s, us int
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "year", &y, "month", &mo, "day", &d, "hour?", &h, "minute?", &mi, "second?", &s, "microsecond?", &us); err != nil {
		return nil, err
	}
	return DateTime(time.Date(y, time.Month(mo), d, h, mi, s, us*1000, time.Local)), nil
}

// DateTime is a datetime.datetime value; it prints as Python's str() does.
type DateTime time.Time

func (d DateTime) String() string {
	t := time.Time(d)
	if t.Nanosecond()/1000 == 0 {
		return t.Format("2006-01-02 15:04:05")
	}
	return t.Format("2006-01-02 15:04:05.000000")
}
func (d DateTime) Type() string          { return "datetime.datetime" }
func (d DateTime) Freeze()               {}
func (d DateTime) Truth() starlark.Bool  { return true }
func (d DateTime) Hash() (uint32, error) { return uint32(time.Time(d).UnixNano()), nil }
func (d DateTime) AttrNames() []string {
	return []string{"day", "hour", "isoformat", "microsecond", "minute", "month", "second", "timestamp", "year"}
}
func (d DateTime) Attr(name string) (starlark.Value, error) {
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
	case "timestamp":
		return starlark.NewBuiltin("timestamp", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.Float(float64(t.UnixNano()) / 1e9), nil
		}), nil
	case "isoformat":
		return starlark.NewBuiltin("isoformat", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.String(strings.Replace(d.String(), " ", "T", 1)), nil
		}), nil
	}
	return nil, nil
}

// CompareSameType orders datetimes.
func (d DateTime) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	c := time.Time(d).Compare(time.Time(y.(DateTime)))
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
	members["now"] = starlark.NewBuiltin("now", func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackArgs(b.Name(), args, kwargs); err != nil {
			return nil, err
		}
		return startime.Time(rtOf(thread).clock.Wall()), nil
	})
	return &starlarkstruct.Module{Name: "time", Members: members}
}()

// repr_ is Starlark's repr, except that an exception gives Python's form,
// ValueError('bad'), where str() gives its message. (Inside a list, or with
// %r, an exception still shows its message: Starlark has one string form
// per value.)
func repr_(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("repr", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	if e, ok := x.(*Exception); ok {
		return starlark.String(e.Repr()), nil
	}
	return starlark.String(x.String()), nil
}
