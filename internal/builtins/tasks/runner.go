package tasks

import (
	"github.com/asyncrun/asyncrun/internal/builtins"
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
)

// runner is asyncio.Runner(*, debug=None): it makes a new event loop on
// first use, runs coroutines in it with run(coro), and closes it (after
// cancelling the tasks left) with close() or at the end of with_. The
// loop's life is the core's builtins.Runner, which asyncio.run drives too.
type runner struct{ r *builtins.Runner }

var (
	_ starlark.HasAttrs       = (*runner)(nil)
	_ builtins.ContextManager = (*runner)(nil)
)

// newRunner is asyncio.Runner(*, debug=None, loop_factory=None).
func newRunner(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var debug, factory starlark.Value = starlark.None, starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "debug?", &debug, "loop_factory?", &factory); err != nil {
		return nil, err
	}
	if len(args) > 0 {
		return nil, builtins.Errorf(pyexc.TypeError, "Runner.__init__() takes 1 positional argument but %d were given", len(args)+1)
	}
	r, err := builtins.NewRunner(thread, debug)
	if err != nil {
		return nil, err
	}
	if factory != starlark.None {
		return nil, builtins.Errorf(pyexc.ValueError, "Runner: loop_factory is not supported")
	}
	return &runner{r}, nil
}

func (r *runner) String() string {
	return "<asyncio.runners.Runner object>"
}
func (r *runner) Type() string         { return "Runner" }
func (r *runner) Freeze()              {}
func (r *runner) Truth() starlark.Bool { return true }
func (r *runner) Hash() (uint32, error) {
	return 0, builtins.Errorf(pyexc.TypeError, "unhashable type: 'Runner'")
}

// Attr returns the runner's methods: run, get_loop and close.
func (r *runner) Attr(name string) (starlark.Value, error) { return runnerMethods.Attr(r, name), nil }

// AttrNames lists the runner's methods.
func (r *runner) AttrNames() []string { return runnerMethods.Names() }

var runnerMethods = builtins.NewMethods(map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
	"close": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := builtins.NoArgs(b, args, kwargs); err != nil {
			return nil, err
		}
		return starlark.None, b.Receiver().(*runner).r.Close(thread)
	},
	"get_loop": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := builtins.NoArgs(b, args, kwargs); err != nil {
			return nil, err
		}
		return b.Receiver().(*runner).r.Loop()
	},
	"run": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var coro, ctx starlark.Value = nil, starlark.None
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "coro", &coro, "context?", &ctx); err != nil {
			return nil, err
		}
		return b.Receiver().(*runner).r.Run(thread, coro)
	},
})

// Enter and Exit make a Runner a context manager (with_): Enter makes the
// loop, Exit closes it.
func (r *runner) Enter(thread *starlark.Thread) (starlark.Value, error) {
	if _, err := r.r.Loop(); err != nil {
		return nil, err
	}
	return r, nil
}

func (r *runner) Exit(thread *starlark.Thread, err error) error {
	if cerr := r.r.Close(thread); cerr != nil {
		return cerr
	}
	return err
}
