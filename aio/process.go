package aio

import (
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"syscall"

	"github.com/asyncrun/asyncrun/loop"
	"github.com/asyncrun/asyncrun/pyexc"
)

// Stdio says what a child's standard stream is connected to, as the
// stdin=, stdout= and stderr= arguments of asyncio's subprocess functions.
type Stdio int

// The choices for a child's standard streams.
const (
	Inherit  Stdio = iota // None: the interpreter's stream (see Config)
	Pipe                  // PIPE: a stream of the Process
	DevNull               // DEVNULL
	ToStdout              // STDOUT, for stderr only: where stdout goes
)

// ProcessConfig describes a child process to start.
type ProcessConfig struct {
	Op                    string   // the call, for a PermissionError
	Args                  []string // the program and its arguments; for Shell, the command
	Shell                 bool     // run Args[0] with /bin/sh -c
	Dir                   string   // the working folder; "" is the interpreter's
	Env                   []string // the environment; nil inherits the interpreter's
	Stdin, Stdout, Stderr Stdio
	Limit                 int // of the Readers of piped output
}

// Process is a child process, as create_subprocess_exec and
// create_subprocess_shell return it: its pid, piped streams and exit
// status. Wait returns once the process has exited and its piped output
// has ended (as CPython 3.11's wait: output piped but never read can keep
// it waiting). The process is started in a process group of its own, so
// that Env.Shutdown kills what it started too (even once it has exited
// itself); it is waited for through a pidfd on Linux, holding no OS
// thread.
//
// Its methods and fields are for the goroutine acting for its loop.
type Process struct {
	env    *Env
	l      *loop.Loop
	proc   *os.Process
	Pid    int
	Stdin  *Writer // nil unless Pipe
	Stdout *Reader // nil unless Pipe
	Stderr *Reader // nil unless Pipe

	code     int
	exited   bool
	open     int // piped or forwarded outputs that have not ended
	finished bool
	waiters  []*loop.Future
	files    []*os.File // the parent's ends of the pipes
	stdinW   *os.File   // of stdin
	sinks    []*sink    // of Stdin, made first for shutdown
	sources  []*source  // of Stdout and Stderr
	outs     []output   // stdout and stderr, piped or forwarded
}

// Start starts a child process if the permissions grant running it (for
// a shell command: sh) and the Env's bound on live children is not
// reached (then it is OSError EAGAIN, as a fork past a process limit).
// The program that runs is the one the permissions resolved (see
// Permissions.CheckRun). The start runs off the loop; t waits for it.
func (e *Env) Start(t *loop.Task, cfg ProcessConfig) (*Process, error) {
	if len(cfg.Args) == 0 {
		return nil, errorf(pyexc.IndexError, "list index out of range")
	}
	prog := cfg.Args[0]
	if cfg.Shell {
		prog = "sh"
	}
	path, err := e.cfg.Perm.CheckRun(cfg.Op, prog, cfg.Shell, cfg.Env)
	if err != nil {
		return nil, err
	}
	if err := processesSupported(cfg.Op); err != nil {
		return nil, err
	}
	if cfg.Limit <= 0 {
		return nil, errorf(pyexc.ValueError, "Limit cannot be <= 0")
	}
	if path == "" {
		return nil, &OSError{Errno: syscall.ENOENT, Msg: strerror(syscall.ENOENT), Filename: prog, Err: exec.ErrNotFound}
	}
	l := t.Loop()
	v, err := e.off(t, func(context.Context) (any, error) { return e.start(l, path, cfg) },
		func(v any) { v.(*Process).Kill() })
	if err != nil {
		return nil, err
	}
	return v.(*Process), nil
}

// start starts the program at path on the calling goroutine, off the loop,
// with the goroutines that read and forward its output and reap it. It
// takes a slot of the bound on live children: it gives it back if the
// start fails, and the reaper gives it back once the child is reaped.
func (e *Env) start(l *loop.Loop, path string, cfg ProcessConfig) (*Process, error) {
	if err := e.procs.reserve(); err != nil {
		return nil, err
	}
	args := append([]string{path}, cfg.Args[1:]...)
	if cfg.Shell {
		args = []string{path, "-c", cfg.Args[0]}
	}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Args[0] = cfg.Args[0] // argv[0] as the script wrote it
	if cfg.Shell {
		cmd.Args[0] = "sh"
	}
	cmd.Dir, cmd.Env = cfg.Dir, cfg.Env
	cmd.SysProcAttr = &syscall.SysProcAttr{}
	inGroup(cmd.SysProcAttr)
	pidfd := new(int)
	withPidfd(cmd.SysProcAttr, pidfd)
	p := &Process{env: e, l: l}
	var child []*os.File // the child's ends, closed here once it started
	fail := func(err error) (*Process, error) {
		e.procs.release()
		for _, f := range append(child, p.files...) {
			f.Close()
		}
		return nil, err
	}
	if cfg.Stdin == Pipe {
		r, w, err := os.Pipe()
		if err != nil {
			return fail(err)
		}
		child, p.files = append(child, r), append(p.files, w)
		cmd.Stdin, p.stdinW = r, w
		p.Stdin, p.sinks = newWriter(l, nil), []*sink{newSink()}
	} else if f, ok := e.cfg.Stdin.(*os.File); ok && cfg.Stdin == Inherit {
		cmd.Stdin = f
	}
	// outputTo returns the file a child's output goes to (nil: /dev/null).
	outputTo := func(s Stdio, inherit io.Writer, reader **Reader) (*os.File, error) {
		if s == DevNull {
			return nil, nil
		}
		if f, ok := inherit.(*os.File); ok && s == Inherit {
			return f, nil
		}
		r, w, err := os.Pipe()
		if err != nil {
			return nil, err
		}
		child, p.files = append(child, w), append(p.files, r)
		out := output{f: r, w: inherit}
		if s == Pipe {
			*reader = &Reader{l: l, limit: cfg.Limit}
			out.r, out.src, out.w = *reader, newSource(), nil
			p.sources = append(p.sources, out.src)
		}
		p.outs = append(p.outs, out)
		return w, nil
	}
	out, err := outputTo(cfg.Stdout, e.cfg.Stdout, &p.Stdout)
	if err != nil {
		return fail(err)
	}
	if out != nil {
		cmd.Stdout = out
	}
	if cfg.Stderr == ToStdout || cfg.Stdout == Inherit && cfg.Stderr == Inherit && sameWriter(e.cfg.Stdout, e.cfg.Stderr) {
		cmd.Stderr = cmd.Stdout // one pipe keeps the order of the two
	} else {
		errf, err := outputTo(cfg.Stderr, e.cfg.Stderr, &p.Stderr)
		if err != nil {
			return fail(err)
		}
		if errf != nil {
			cmd.Stderr = errf
		}
	}
	startMu.RLock() // the orphan reaper leaves the child alone from its fork on
	if err := cmd.Start(); err != nil {
		startMu.RUnlock()
		return fail(startError(err, cfg.Args[0]))
	}
	addChild(cmd.Process.Pid)
	startMu.RUnlock()
	for _, f := range child {
		f.Close()
	}
	p.proc, p.Pid = cmd.Process, cmd.Process.Pid
	if !e.procs.addGroup(p.Pid) || e.add(p) != nil {
		p.shutdown()
		closePidfd(*pidfd)
		cmd.Wait()
		removeChild(p.Pid)
		e.procs.release()
		return nil, ErrClosed
	}
	p.startGoroutines(cmd, *pidfd)
	return p, nil
}

// sameWriter reports whether a and b are the same writer.
func sameWriter(a, b io.Writer) (same bool) {
	defer func() { recover() }() // writers of types that do not compare
	return a == b
}

// output is a child's output read from the pipe f: into the Reader r, or
// forwarded to the writer w.
type output struct {
	f   *os.File
	r   *Reader
	src *source // of r
	w   io.Writer
}

// startGoroutines starts the goroutines that feed the Readers, write
// stdin, forward output and reap the process.
func (p *Process) startGoroutines(cmd *exec.Cmd, pidfd int) {
	e, l := p.env, p.l
	p.open = len(p.outs) // before any goroutine may end one
	if p.Stdin != nil {
		p.Stdin.lose = p.Stdin.lostWith
		p.Stdin.attach(e, p.sinks[0], p.stdinW, nil, p.stdinW.Close)
	}
	for _, o := range p.outs {
		if o.r == nil {
			e.spawn(func() {
				io.Copy(o.w, o.f)
				o.f.Close()
				post(l, p.outputEnded)
			})
			continue
		}
		o.r.attach(e, o.src, o.f, func(err error) {
			o.f.Close()
			if err == io.EOF || errors.Is(err, os.ErrClosed) {
				o.r.FeedEOF()
			} else {
				o.r.SetException(err)
			}
			p.outputEnded()
		})
	}
	reap := func() {
		waitExit(cmd, pidfd)
		removeChild(p.Pid)
		e.procs.reaped(p.Pid)
		e.procs.release()
		code := exitCode(cmd.ProcessState)
		post(l, func() { p.exitedWith(code) })
	}
	if !e.spawn(reap) {
		go reap() // shut down meanwhile: p is killed; reap it all the same
	}
}

// exitCode returns Python's returncode: the exit status, or minus the
// signal that ended the process.
func exitCode(ps *os.ProcessState) int {
	if ws, ok := ps.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return -int(ws.Signal())
	}
	return ps.ExitCode()
}

// startError returns the error of a failed start as CPython's: a missing
// program is FileNotFoundError naming it.
func startError(err error, prog string) error {
	if errors.Is(err, exec.ErrNotFound) {
		return &OSError{Errno: syscall.ENOENT, Msg: strerror(syscall.ENOENT), Filename: prog, Err: err}
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pathError(pe.Err, prog)
	}
	return err
}

// outputEnded notes the end of one piped or forwarded output.
func (p *Process) outputEnded() {
	p.open--
	p.maybeFinish()
}

// exitedWith notes the exit of the process: its stdin can no longer be
// read (unless the script closed it already, it is lost with
// BrokenPipeError).
func (p *Process) exitedWith(code int) {
	p.code, p.exited = code, true
	if w := p.Stdin; w != nil && !w.lost && !w.closing { // a closing one ends by itself
		w.sk.stop()
		p.stdinW.Close()
		w.lostWith(&OSError{Errno: syscall.EPIPE, Msg: strerror(syscall.EPIPE), Err: syscall.EPIPE})
	}
	p.maybeFinish()
}

// maybeFinish wakes Wait's waiters once the process exited and its output
// ended.
func (p *Process) maybeFinish() {
	if p.finished || !p.exited || p.open > 0 {
		return
	}
	p.finished = true
	p.env.remove(p)
	for _, f := range p.waiters {
		if !f.Done() {
			f.SetResult(p.code)
		}
	}
	p.waiters = nil
}

// Returncode returns the exit status (minus the signal that ended the
// process), and false while it runs.
func (p *Process) Returncode() (int, bool) { return p.code, p.exited }

// Wait waits until the process has exited and its output has ended, and
// returns the returncode. It is outside work for the loop meanwhile.
// Cancelling t leaves the process running.
func (p *Process) Wait(t *loop.Task) (int, error) {
	if p.finished {
		return p.code, nil
	}
	f := loop.NewFuture(p.l)
	f.SetLabel("Process.wait()")
	p.waiters = append(p.waiters, f)
	v, err := awaitIO(t, f)
	if err != nil {
		return 0, err
	}
	return v.(int), nil
}

// SendSignal sends signal sig to the process; once Wait has returned, it
// is a ProcessLookupError, as in CPython (and nothing happens between the
// exit and then).
func (p *Process) SendSignal(sig syscall.Signal) error {
	if p.finished {
		return errorf(pyexc.ProcessLookupError, "")
	}
	if p.exited {
		return nil
	}
	if err := p.proc.Signal(sig); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return err
	}
	return nil
}

// Kill sends SIGKILL.
func (p *Process) Kill() error { return p.SendSignal(syscall.SIGKILL) }

// Terminate sends SIGTERM.
func (p *Process) Terminate() error { return p.SendSignal(syscall.SIGTERM) }

// shutdown kills the process and its process group and closes the
// parent's ends of the pipes, for Env.Shutdown, from any goroutine.
func (p *Process) shutdown() {
	killGroup(p.proc.Pid)
	p.proc.Kill()
	for _, f := range p.files {
		f.Close()
	}
	for _, s := range p.sinks {
		s.stop()
	}
	for _, s := range p.sources {
		s.stop()
	}
}

// Communicate is communicate(input): it writes input (if not nil) to the
// piped stdin and closes it, reads the piped stdout and stderr to their
// ends (nil for those not piped), and waits for the process.
func (p *Process) Communicate(t *loop.Task, input []byte) (stdout, stderr []byte, err error) {
	if input != nil && p.Stdin != nil {
		p.Stdin.Write(input)
		p.Stdin.Close()
	}
	for _, r := range []*Reader{p.Stdout, p.Stderr} {
		if r != nil {
			r.noPause = true
			if r.paused {
				r.paused = false
				r.src.resume()
			}
		}
	}
	if p.Stdout != nil {
		if stdout, err = p.Stdout.Read(t, -1); err != nil {
			return nil, nil, err
		}
	}
	if p.Stderr != nil {
		if stderr, err = p.Stderr.Read(t, -1); err != nil {
			return nil, nil, err
		}
	}
	if _, err := p.Wait(t); err != nil {
		return nil, nil, err
	}
	return stdout, stderr, nil
}
