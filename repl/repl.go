// Package repl is asyncrun's interactive prompt, in the spirit of
// `python -m asyncio`: the event loop runs in the background for the whole
// session, so tasks started at the prompt keep running (and printing, above
// the line being typed) while the user types, and await (or await_(...))
// works at the prompt. Input is read through interp.ParseCompoundStmt, so
// Python's async syntax works as in a script: multi-line async def blocks,
// decorators (a decorator line waits for its def), f-strings, import.
//
// Each chunk of input (a statement, or a block ended by a blank line) runs as
// a task of the background loop, so await_ suspends it like a top-level await.
// At the prompt, loop.run_until_complete(x) waits for x the same way,
// loop.run_forever() waits until loop.stop() is called, asyncio.run(coro)
// runs coro as a task, and loop.close() does nothing: the loop closes when
// the REPL exits. Ctrl-C cancels the statement being run (an await_, or
// CPU-bound code) and leaves background tasks alone; at the prompt it clears
// the line. Either way, it interrupts a task that keeps the loop busy
// without awaiting (see unwedge). Ctrl-D cancels the pending tasks, lets
// them clean up, and exits. With a step limit, each statement has the whole
// budget (interp.Options.StepsPerRun).
package repl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/asyncrun/asyncrun/interp"
	"github.com/chzyer/readline"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// Config configures a session.
type Config struct {
	// Options for the interpreter; Stdout and Stderr are replaced by the
	// prompt-aware writers of the terminal, and StepsPerRun is set: MaxSteps
	// bounds each statement (and the -i script), not the session.
	Options interp.Options
	// Stdin, Stdout, Stderr are the terminal; nil means the process's.
	Stdin          io.ReadCloser
	Stdout, Stderr io.Writer
	// HistoryFile keeps the input history between sessions; empty means
	// ~/.asyncrun_history, "-" means none.
	HistoryFile string
	// Script, if set, runs first (asyncrun -i script.star) and its globals
	// are the session's.
	Script string
	// Version is shown in the banner.
	Version string
	// Interrupts, if set, delivers Ctrl-C while a statement runs; nil means
	// os.Interrupt signals.
	Interrupts <-chan os.Signal
	// Terminal, if set, is the terminal whose modes the line editor sets
	// (raw while reading a line); nil means the process's stdin.
	Terminal *os.File
}

// Run runs a session until Ctrl-D and returns the exit status.
func Run(cfg Config) int {
	stdin, stdout, stderr := cfg.Stdin, cfg.Stdout, cfg.Stderr
	if stdin == nil {
		stdin = os.Stdin
	}
	if stdout == nil {
		stdout = os.Stdout
	}
	if stderr == nil {
		stderr = os.Stderr
	}
	history := cfg.HistoryFile
	if history == "" {
		if home, err := os.UserHomeDir(); err == nil {
			history = filepath.Join(home, ".asyncrun_history")
		}
	}
	if history == "-" {
		history = ""
	}
	// readline reads stdin on a goroutine of its own and, when it closes,
	// waits for that goroutine; a read of a terminal cannot be interrupted,
	// so a read pending at exit (say, after a task printed while the REPL
	// was ending) would hang the exit until a key is pressed. readline reads
	// through a CancelableStdin instead, closed (ending that read) just
	// before readline is.
	in := readline.NewCancelableStdin(stdin)
	s := &session{}
	rcfg := &readline.Config{
		Prompt: ">>> ", HistoryFile: history, Stdin: in, Stdout: stdout, Stderr: stderr,
		AutoComplete: s, InterruptPrompt: "^C", EOFPrompt: "",
	}
	if term := cfg.Terminal; term != nil {
		fd := int(term.Fd())
		var saved *readline.State
		rcfg.FuncIsTerminal = func() bool { return readline.IsTerminal(fd) }
		rcfg.FuncMakeRaw = func() (err error) { saved, err = readline.MakeRaw(fd); return err }
		rcfg.FuncExitRaw = func() error { return readline.Restore(fd, saved) }
		rcfg.FuncGetWidth = func() int {
			if w, _, err := readline.GetSize(fd); err == nil {
				return w
			}
			return 80
		}
	}
	rl, err := readline.NewEx(rcfg)
	if err != nil {
		fmt.Fprintf(stderr, "asyncrun: %v\n", err)
		return 2
	}
	defer rl.Close()
	defer in.Close()
	s.rl = rl
	s.out, s.errw = s.term.writer(rl.Stdout(), stdout), s.term.writer(rl.Stderr(), stderr)
	opts := cfg.Options
	opts.Stdout, opts.Stderr = s.out, s.errw
	opts.StepsPerRun = true
	s.it = interp.New(opts)
	defer s.it.Close()
	s.globals = starlark.StringDict{}
	for k, v := range s.it.Predeclared() {
		s.globals[k] = v
	}
	installLive(s.globals)
	if cfg.Script != "" {
		if err := s.runScript(cfg.Script); err != nil {
			s.printError(err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	loopDone := make(chan error, 1)
	go func() { loopDone <- s.it.RunForever(ctx) }()

	fmt.Fprintf(s.out, "asyncrun %s REPL: Starlark with asyncio; the event loop runs in the background.\nawait works here; Ctrl-C cancels the running statement; Ctrl-D exits.\n", cfg.Version)
	interrupts := cfg.Interrupts
	if interrupts == nil {
		sigs := make(chan os.Signal, 1)
		signal.Notify(sigs, os.Interrupt)
		defer signal.Stop(sigs)
		interrupts = sigs
		defer s.stopOnSignals(in, sigs)()
	}
	s.interrupts = interrupts
	for s.step() {
	}
	s.unwedge()
	s.it.CancelTasks(5 * time.Second)
	cancel()
	<-loopDone
	if sig, ok := s.stopped.Load().(syscall.Signal); ok {
		return 128 + int(sig)
	}
	return 0
}

// stopSignals end a session as Ctrl-D does, but with the exit status of
// the signal (143, 129): a service manager's stop (SIGTERM) and a closed
// terminal (SIGHUP). Whatever the session's statements started ends with
// it (Close kills the child processes).
var stopSignals = []os.Signal{syscall.SIGTERM, syscall.SIGHUP}

// stopOnSignals makes the stop signals end the session: the line being
// read ends as at end of input, and a statement that runs is interrupted
// as Ctrl-C interrupts it (interrupts is where Ctrl-C arrives). It returns
// the function that stops watching.
func (s *session) stopOnSignals(in io.Closer, interrupts chan os.Signal) func() {
	stops := make(chan os.Signal, 1)
	signal.Notify(stops, stopSignals...)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-stops:
			s.stopped.Store(sig)
			in.Close()
			select {
			case interrupts <- os.Interrupt:
			default:
			}
		case <-done:
		}
	}()
	return func() {
		signal.Stop(stops)
		close(done)
	}
}

type session struct {
	stopped    atomic.Value // the stop signal that ended the session, if any
	rl         *readline.Instance
	term       termLines
	out, errw  io.Writer
	it         *interp.Interp
	globals    starlark.StringDict
	interrupts <-chan os.Signal
}

// runScript runs the -i script on the caller's goroutine, before the loop
// goes to the background, with globals that stay mutable.
func (s *session) runScript(path string) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	f, err := interp.Parse(path, src)
	if err != nil {
		return err
	}
	makeLive(f)
	_, err = s.it.ExecChunk(context.Background(), f, s.globals)
	return err
}

// step reads and runs one chunk; it returns false at end of input.
func (s *session) step() bool {
	s.rl.SetPrompt(">>> ")
	eof, interrupted := false, false
	var lines []string
	readLine := func() ([]byte, error) {
		s.term.prompt()
		line, err := s.rl.Readline()
		s.rl.SetPrompt("... ")
		if err != nil {
			eof = err == io.EOF
			interrupted = err == readline.ErrInterrupt
			return nil, err
		}
		lines = append(lines, line)
		return []byte(line + "\n"), nil
	}
	f, err := interp.ParseCompoundStmt("<stdin>", readLine)
	s.term.noPrompt()
	if err == nil {
		err = statementAfterBlock(f, lines)
	}
	if err != nil {
		if eof {
			return false
		}
		if interrupted {
			// Ctrl-C at the prompt clears the line, and interrupts a
			// task that keeps the loop busy.
			if s.unwedge() {
				fmt.Fprintln(s.errw, "KeyboardInterrupt")
			}
			return true
		}
		s.printError(interp.SyntaxHint(err))
		return true
	}
	if len(f.Stmts) == 0 {
		return true
	}
	makeLive(f)
	s.run(f)
	return true
}

// statementAfterBlock is the syntax error of CPython's console for a
// statement typed right after an indented block, with no blank line to end
// the block: `def g():`, `    return 1`, `yy = 99`. The parser reads that
// line only to see that the block has ended, and would drop it; as in
// CPython, neither the block nor the statement runs. lines are the lines
// the chunk was parsed from.
func statementAfterBlock(f *syntax.File, lines []string) error {
	if len(f.Stmts) == 0 || len(lines) < 2 {
		return nil
	}
	switch f.Stmts[0].(type) {
	case *syntax.DefStmt, *syntax.IfStmt, *syntax.ForStmt, *syntax.WhileStmt:
	default:
		return nil
	}
	last := lines[len(lines)-1]
	text := strings.TrimLeft(last, " \t")
	if text == "" || strings.HasPrefix(text, "#") {
		return nil // the blank line (or comment) that ended the block
	}
	for _, st := range f.Stmts { // a def, and what async and decorators add
		if _, end := st.Span(); int(end.Line) >= len(lines) {
			return nil // the last line is the block's own
		}
	}
	pos := syntax.MakePosition(&f.Path, int32(len(lines)), int32(len(last)-len(text)+1))
	return syntax.Error{Pos: pos, Msg: "invalid syntax (end the indented block with a blank line first)"}
}

// run executes a chunk as a task of the background loop and waits for it.
// Ctrl-C cancels it, and interrupts CPU-bound code that keeps the loop from
// running the chunk or its cancellation (see unwedge); a second Ctrl-C
// interrupts such code again.
func (s *session) run(f *syntax.File) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done, watched := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(watched)
		for {
			select {
			case <-s.interrupts:
				cancel()
				s.unwedge()
			case <-done:
				return
			}
		}
	}()
	repr, err := s.it.ExecChunkThreadsafe(ctx, f, s.globals)
	close(done)
	<-watched
	if err != nil {
		if ctx.Err() != nil {
			fmt.Fprintln(s.errw, "KeyboardInterrupt")
			return
		}
		s.printError(err)
		return
	}
	if repr != "" {
		fmt.Fprintln(s.out, repr)
	}
}

// wedgeGrace is how long the loop may take to run a probe before unwedge
// decides that CPU-bound code keeps it busy. An idle loop, or one whose
// tasks await now and then, runs it in microseconds.
const wedgeGrace = 250 * time.Millisecond

// unwedge interrupts CPU-bound script code that keeps the loop from running
// anything else, such as a background task that spins without awaiting:
// until it gives the loop back, no statement can start, and a statement's
// cancellation cannot reach it. unwedge asks the loop to run a probe; if the
// loop has not run it within wedgeGrace, the code running on it gets a
// KeyboardInterrupt at its next step, as Ctrl-C gives it in CPython's
// asyncio REPL. Background tasks that await are left alone. It reports
// whether it interrupted code.
func (s *session) unwedge() bool {
	probe := make(chan struct{})
	if s.it.OnLoop(func() { close(probe) }) != nil {
		return false
	}
	timer := time.NewTimer(wedgeGrace)
	defer timer.Stop()
	select {
	case <-probe:
		return false
	case <-timer.C:
		return s.it.KeyboardInterruptRunning()
	}
}

// termLines keeps partial lines visible. What tasks print while a prompt is
// on the screen goes above it: readline's writers erase the prompt line,
// write, and draw the prompt again below. A write that does not end its line
// (print(x, end="")) would have the prompt drawn after it on the same line,
// and the next redraw (a key typed) would erase both; and a partial line
// written while a statement runs would be erased by the next prompt. So
// while a prompt is shown every write ends its line, and a partial line is
// ended before a prompt is drawn: the text stays, as in CPython's asyncio
// REPL, and what follows it starts on the next line. While no prompt is
// shown, writes go straight to the terminal: readline's writers redraw the
// prompt after a write while its reader is still marked as reading, which
// it may be for a moment after a line was entered, and a statement's
// partial line would then be followed by a stray "... ".
type termLines struct {
	mu       sync.Mutex
	atPrompt bool // a prompt is shown, or about to be
	partial  bool // the last write did not end its line
	w        io.Writer
}

// writer returns a writer that keeps partial lines visible: it writes to
// prompted (one of readline's) while a prompt is shown, and to direct (the
// terminal under it) while none is. The writers of one termLines share its
// state.
func (t *termLines) writer(prompted, direct io.Writer) io.Writer {
	if t.w == nil {
		t.w = direct
	}
	return &lineWriter{t, prompted, direct}
}

// prompt is called before a prompt is drawn: it ends a partial line.
func (t *termLines) prompt() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.atPrompt = true
	if t.partial {
		t.partial = false
		t.w.Write([]byte("\n"))
	}
}

// noPrompt is called when no prompt is shown any more.
func (t *termLines) noPrompt() {
	t.mu.Lock()
	t.atPrompt = false
	t.mu.Unlock()
}

type lineWriter struct {
	t                *termLines
	prompted, direct io.Writer
}

func (w *lineWriter) Write(b []byte) (int, error) {
	if len(b) == 0 {
		return 0, nil
	}
	t := w.t
	t.mu.Lock()
	defer t.mu.Unlock()
	out, to := b, w.direct
	if t.atPrompt {
		to = w.prompted
		if b[len(b)-1] != '\n' {
			out = append(b[:len(b):len(b)], '\n')
		}
	}
	n, err := to.Write(out)
	t.partial = out[len(out)-1] != '\n'
	return min(n, len(b)), err
}

func (s *session) printError(err error) {
	var ie *interp.Error
	if errors.As(err, &ie) {
		fmt.Fprint(s.errw, ie.Traceback())
		return
	}
	fmt.Fprintln(s.errw, err)
}

// Do completes global and predeclared names, and attributes after a dot.
// The names are gathered on the loop's goroutine; if the loop is busy for
// long (CPU-bound code), only predeclared names are offered.
func (s *session) Do(line []rune, pos int) ([][]rune, int) {
	text := string(line[:pos])
	start := len(text)
	for start > 0 && isIdent(rune(text[start-1])) || start > 0 && text[start-1] == '.' {
		start--
	}
	word := text[start:]
	var base, prefix string
	if i := strings.LastIndexByte(word, '.'); i >= 0 {
		base, prefix = word[:i], word[i+1:]
	} else {
		prefix = word
	}
	names := s.candidates(base)
	var out [][]rune
	for _, n := range names {
		if strings.HasPrefix(n, prefix) {
			out = append(out, []rune(n[len(prefix):]))
		}
	}
	return out, len([]rune(prefix))
}

func isIdent(r rune) bool {
	return r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

func (s *session) candidates(base string) []string {
	result := make(chan []string, 1)
	gather := func() {
		var names []string
		if base == "" {
			for k := range s.globals {
				if !hiddenName(k) {
					names = append(names, k)
				}
			}
		} else {
			path := strings.Split(base, ".")
			v, ok := s.globals[path[0]]
			for _, attr := range path[1:] {
				if !ok {
					break
				}
				ha, isAttrs := v.(starlark.HasAttrs)
				if !isAttrs {
					ok = false
					break
				}
				nv, err := ha.Attr(attr)
				v, ok = nv, err == nil && nv != nil
			}
			if ha, isAttrs := v.(starlark.HasAttrs); ok && isAttrs {
				names = ha.AttrNames()
			}
		}
		sort.Strings(names)
		result <- names
	}
	if s.it.OnLoop(gather) != nil {
		gather()
	}
	select {
	case names := <-result:
		return names
	case <-time.After(200 * time.Millisecond):
		return nil
	}
}

// IsTerminal reports whether r is a terminal: then asyncrun with no script
// starts the REPL.
func IsTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && readline.IsTerminal(int(f.Fd()))
}
