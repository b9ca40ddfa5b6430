package streams

import (
	"sort"
	"strconv"
	"syscall"

	"github.com/asyncrun/asyncrun/aio"
	"github.com/asyncrun/asyncrun/internal/builtins"
	"github.com/asyncrun/asyncrun/loop"
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
)

// asyncio's subprocesses as scripts see them: create_subprocess_exec and
// create_subprocess_shell (coroutines returning a Process), and the module
// asyncio.subprocess with PIPE, STDOUT and DEVNULL, over package aio.
// Running a program needs Config.Perm.Run (a shell command: sh); what is
// not granted is a PermissionError when the coroutine is awaited.

// The values of asyncio.subprocess.PIPE, STDOUT and DEVNULL, as Python's.
const (
	stdioPIPE    = -1
	stdioSTDOUT  = -2
	stdioDEVNULL = -3
)

// subprocessModule is asyncio.subprocess.
var subprocessModule = &starlarkstruct.Module{Name: "subprocess", Members: starlark.StringDict{
	"DEVNULL":                 starlark.MakeInt(stdioDEVNULL),
	"PIPE":                    starlark.MakeInt(stdioPIPE),
	"STDOUT":                  starlark.MakeInt(stdioSTDOUT),
	"create_subprocess_exec":  builtins.NativeCoro("create_subprocess_exec", createSubprocessExec),
	"create_subprocess_shell": builtins.NativeCoro("create_subprocess_shell", createSubprocessShell),
}}

// stdioArg reads stdin=, stdout= or stderr=: None, PIPE, DEVNULL, or (for
// stderr) STDOUT.
func stdioArg(fn, name string, v starlark.Value) (aio.Stdio, error) {
	if v == starlark.None {
		return aio.Inherit, nil
	}
	n, err := starlark.AsInt32(v)
	switch {
	case err != nil:
	case n == stdioPIPE:
		return aio.Pipe, nil
	case n == stdioDEVNULL:
		return aio.DevNull, nil
	case n == stdioSTDOUT && name == "stderr":
		return aio.ToStdout, nil
	}
	return 0, builtins.Errorf(pyexc.ValueError, "%s: %s must be None, asyncio.subprocess.PIPE or DEVNULL%s, got %s", fn, name,
		map[bool]string{true: " or STDOUT", false: ""}[name == "stderr"], builtins.Repr(v))
}

// processArgs are the keyword arguments both functions take.
type processArgs struct {
	stdin, stdout, stderr, cwd, env starlark.Value
	limit                           int
}

func (pa *processArgs) pairs() []any {
	pa.stdin, pa.stdout, pa.stderr, pa.cwd, pa.env = starlark.None, starlark.None, starlark.None, starlark.None, starlark.None
	pa.limit = aio.DefaultLimit
	return []any{"stdin?", &pa.stdin, "stdout?", &pa.stdout, "stderr?", &pa.stderr, "limit?", &pa.limit, "cwd?", &pa.cwd, "env?", &pa.env}
}

// config returns the aio configuration of a call of fn with args.
func (pa *processArgs) config(fn, op string, args []string, shell bool) (aio.ProcessConfig, error) {
	cfg := aio.ProcessConfig{Op: op, Args: args, Shell: shell, Limit: pa.limit}
	var err error
	if cfg.Stdin, err = stdioArg(fn, "stdin", pa.stdin); err != nil {
		return cfg, err
	}
	if cfg.Stdout, err = stdioArg(fn, "stdout", pa.stdout); err != nil {
		return cfg, err
	}
	if cfg.Stderr, err = stdioArg(fn, "stderr", pa.stderr); err != nil {
		return cfg, err
	}
	switch cwd := pa.cwd.(type) {
	case starlark.NoneType:
	case starlark.String:
		cfg.Dir = string(cwd)
	default:
		return cfg, builtins.Errorf(pyexc.TypeError, "%s: cwd must be a str or None, got %s", fn, builtins.TypeName(cwd))
	}
	switch env := pa.env.(type) {
	case starlark.NoneType:
	case *starlark.Dict:
		cfg.Env = []string{}
		for _, kv := range env.Items() {
			k, ok1 := starlark.AsString(kv[0])
			v, ok2 := starlark.AsString(kv[1])
			if !ok1 || !ok2 {
				return cfg, builtins.Errorf(pyexc.TypeError, "%s: env must map str to str", fn)
			}
			cfg.Env = append(cfg.Env, k+"="+v)
		}
		sort.Strings(cfg.Env)
	default:
		return cfg, builtins.Errorf(pyexc.TypeError, "%s: env must be a dict or None, got %s", fn, builtins.TypeName(env))
	}
	return cfg, nil
}

// createSubprocessExec is create_subprocess_exec(program, *args,
// stdin=None, stdout=None, stderr=None, limit=2**16, cwd=None, env=None).
func createSubprocessExec(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (builtins.NativeBody, error) {
	const fn = "create_subprocess_exec"
	var pa processArgs
	if err := starlark.UnpackArgs(fn, nil, kwargs, pa.pairs()...); err != nil {
		return nil, err
	}
	if len(args) == 0 {
		return nil, builtins.Errorf(pyexc.TypeError, "create_subprocess_exec() missing 1 required positional argument: 'program'")
	}
	argv := make([]string, len(args))
	for i, a := range args {
		s, ok := starlark.AsString(a)
		if !ok {
			return nil, builtins.Errorf(pyexc.TypeError, "expected str, bytes or os.PathLike object, not %s", builtins.TypeName(a))
		}
		argv[i] = s
	}
	return processBody(fn, opText(fn, args...), argv, false, &pa), nil
}

// createSubprocessShell is create_subprocess_shell(cmd, stdin=None,
// stdout=None, stderr=None, limit=2**16, cwd=None, env=None): cmd runs
// with /bin/sh -c.
func createSubprocessShell(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (builtins.NativeBody, error) {
	const fn = "create_subprocess_shell"
	var pa processArgs
	var cmd string
	if err := starlark.UnpackArgs(fn, args, kwargs, append([]any{"cmd", &cmd}, pa.pairs()...)...); err != nil {
		return nil, err
	}
	return processBody(fn, opText(fn, starlark.String(cmd)), []string{cmd}, true, &pa), nil
}

// processBody is the body of the coroutine that starts a process.
func processBody(fn, op string, argv []string, shell bool, pa *processArgs) builtins.NativeBody {
	return func(th *starlark.Thread, t *loop.Task) (starlark.Value, error) {
		cfg, err := pa.config(fn, op, argv, shell)
		if err != nil {
			return nil, err
		}
		env := builtins.IO(th)
		return builtins.Suspend(th, t, func() (any, error) {
			p, err := env.Start(t, cfg)
			if err != nil {
				return nil, builtins.IOError(err)
			}
			return newProcessValue(th, p), nil
		})
	}
}

// processValue is a Process: pid, returncode (None while it runs), stdin,
// stdout, stderr (None unless PIPE), and its methods.
type processValue struct {
	builtins.Object
	p                     *aio.Process
	stdin, stdout, stderr starlark.Value
}

func newProcessValue(thread *starlark.Thread, p *aio.Process) *processValue {
	v := &processValue{Object: builtins.NewObjectOf(thread), p: p, stdin: starlark.None, stdout: starlark.None, stderr: starlark.None}
	if p.Stdin != nil {
		v.stdin = &writerValue{Object: builtins.NewObjectOf(thread), w: p.Stdin}
	}
	if p.Stdout != nil {
		v.stdout = &readerValue{builtins.NewObjectOf(thread), p.Stdout}
	}
	if p.Stderr != nil {
		v.stderr = &readerValue{builtins.NewObjectOf(thread), p.Stderr}
	}
	return v
}

var _ starlark.HasAttrs = (*processValue)(nil)

func (v *processValue) String() string { return "<Process " + strconv.Itoa(v.p.Pid) + ">" }
func (v *processValue) Type() string   { return "Process" }

// Attr returns pid, returncode, stdin, stdout, stderr and the methods.
func (v *processValue) Attr(name string) (starlark.Value, error) {
	switch name {
	case "pid":
		return starlark.MakeInt(v.p.Pid), nil
	case "returncode":
		if code, ok := v.p.Returncode(); ok {
			return starlark.MakeInt(code), nil
		}
		return starlark.None, nil
	case "stdin":
		return v.stdin, nil
	case "stdout":
		return v.stdout, nil
	case "stderr":
		return v.stderr, nil
	}
	return processMethods.Attr(v, name), nil
}

func (v *processValue) AttrNames() []string {
	return processMethods.Names("pid", "returncode", "stderr", "stdin", "stdout")
}

var processMethods = builtins.NewMethods(map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
	"communicate": processCommunicate,
	"kill":        processSignal("kill", syscall.SIGKILL),
	"send_signal": processSendSignal,
	"terminate":   processSignal("terminate", syscall.SIGTERM),
	"wait":        processWait,
})

func recvProcess(b *starlark.Builtin) *aio.Process { return b.Receiver().(*processValue).p }

// processWait is wait(), a coroutine returning the returncode. Cancelling
// it leaves the process running, as in CPython.
func processWait(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	p := recvProcess(b)
	return builtins.Suspending("Process.wait", func(t *loop.Task) (any, error) {
		code, err := p.Wait(t)
		if err != nil {
			return nil, builtins.IOError(err)
		}
		return starlark.MakeInt(code), nil
	}), nil
}

// processCommunicate is communicate(input=None), a coroutine returning
// (stdout, stderr): bytes, or None for a stream that is not piped.
func processCommunicate(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var input starlark.Value = starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "input?", &input); err != nil {
		return nil, err
	}
	var in []byte
	switch x := input.(type) {
	case starlark.NoneType:
	case starlark.Bytes:
		in = []byte(x)
	default:
		return nil, builtins.Errorf(pyexc.TypeError, "communicate: input must be bytes or None, got %s", builtins.TypeName(input))
	}
	p := recvProcess(b)
	return builtins.Suspending("Process.communicate", func(t *loop.Task) (any, error) {
		out, errb, err := p.Communicate(t, in)
		if err != nil {
			return nil, builtins.IOError(err)
		}
		return starlark.Tuple{bytesOrNone(out, p.Stdout != nil), bytesOrNone(errb, p.Stderr != nil)}, nil
	}), nil
}

func bytesOrNone(b []byte, piped bool) starlark.Value {
	if !piped {
		return starlark.None
	}
	return starlark.Bytes(b)
}

// processSignal returns kill() or terminate().
func processSignal(name string, sig syscall.Signal) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := builtins.NoArgs(b, args, kwargs); err != nil {
			return nil, err
		}
		return starlark.None, builtins.IOError(recvProcess(b).SendSignal(sig))
	}
}

// processSendSignal is send_signal(signal), with the signal's number.
func processSendSignal(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var sig int
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &sig); err != nil {
		return nil, err
	}
	if sig < 0 || sig > 64 {
		return nil, builtins.Errorf(pyexc.ValueError, "signal number out of range")
	}
	return starlark.None, builtins.IOError(recvProcess(b).SendSignal(syscall.Signal(sig)))
}
