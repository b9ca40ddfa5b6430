package repl_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/asyncrun/asyncrun/interp"
	"github.com/asyncrun/asyncrun/repl"
	"github.com/creack/pty"
	"go.starlark.net/starlark"
)

// term drives a REPL session through a pseudo-terminal. Ctrl-C while a
// statement runs is delivered on the Interrupts channel (a real terminal
// sends SIGINT, which a test process cannot route to itself); Ctrl-C and
// Ctrl-D at the prompt are typed, as a user types them.
type term struct {
	t          *testing.T
	ptmx, tty  *os.File
	mu         sync.Mutex
	cond       *sync.Cond
	out        bytes.Buffer
	mark       int
	status     chan int
	interrupts chan os.Signal
}

func start(t *testing.T, cfg repl.Config) *term {
	t.Helper()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	pty.Setsize(ptmx, &pty.Winsize{Rows: 40, Cols: 200})
	tm := &term{t: t, ptmx: ptmx, tty: tty, status: make(chan int, 1), interrupts: make(chan os.Signal, 1)}
	tm.cond = sync.NewCond(&tm.mu)
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := ptmx.Read(buf)
			tm.mu.Lock()
			tm.out.Write(buf[:n])
			tm.cond.Broadcast()
			tm.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	cfg.Stdin, cfg.Stdout, cfg.Stderr, cfg.Terminal = tty, tty, tty, tty
	cfg.Interrupts = tm.interrupts
	cfg.Version = "test"
	if cfg.HistoryFile == "" {
		cfg.HistoryFile = "-"
	}
	go func() { tm.status <- repl.Run(cfg) }()
	tm.expect(">>> ")
	return tm
}

// send types text into the terminal.
func (tm *term) send(s string) {
	if _, err := tm.ptmx.Write([]byte(s)); err != nil {
		tm.t.Fatal(err)
	}
}

// expect waits until the output after the last expectation contains want.
func (tm *term) expect(want string) {
	tm.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	timer := time.AfterFunc(10*time.Second, func() { tm.mu.Lock(); tm.cond.Broadcast(); tm.mu.Unlock() })
	defer timer.Stop()
	tm.mu.Lock()
	defer tm.mu.Unlock()
	for {
		rest := tm.out.String()[tm.mark:]
		if i := strings.Index(rest, want); i >= 0 {
			tm.mark += i + len(want)
			return
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("timed out waiting for %q; output since last match:\n%s", want, rest)
		}
		tm.cond.Wait()
	}
}

// expectBoth waits until the output after the last expectation contains
// both a and b, in either order.
func (tm *term) expectBoth(a, b string) {
	tm.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	timer := time.AfterFunc(10*time.Second, func() { tm.mu.Lock(); tm.cond.Broadcast(); tm.mu.Unlock() })
	defer timer.Stop()
	tm.mu.Lock()
	defer tm.mu.Unlock()
	for {
		rest := tm.out.String()[tm.mark:]
		i, j := strings.Index(rest, a), strings.Index(rest, b)
		if i >= 0 && j >= 0 {
			tm.mark += max(i+len(a), j+len(b))
			return
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("timed out waiting for %q and %q; output since last match:\n%s", a, b, rest)
		}
		tm.cond.Wait()
	}
}

// expectNext waits until the output after the last expectation holds at
// least len(want) bytes, and checks that it begins with want.
func (tm *term) expectNext(want string) {
	tm.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	timer := time.AfterFunc(10*time.Second, func() { tm.mu.Lock(); tm.cond.Broadcast(); tm.mu.Unlock() })
	defer timer.Stop()
	tm.mu.Lock()
	defer tm.mu.Unlock()
	for {
		rest := tm.out.String()[tm.mark:]
		if len(rest) >= len(want) {
			if !strings.HasPrefix(rest, want) {
				tm.t.Fatalf("want %q next; output since last match:\n%q", want, rest)
			}
			tm.mark += len(want)
			return
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("timed out waiting for %q next; output since last match:\n%q", want, rest)
		}
		tm.cond.Wait()
	}
}

// output returns everything the session printed.
func (tm *term) output() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.out.String()
}

// exit types Ctrl-D and checks the exit status.
func (tm *term) exit() {
	tm.t.Helper()
	tm.send("\x04")
	select {
	case st := <-tm.status:
		if st != 0 {
			tm.t.Errorf("exit status: got %d, want 0", st)
		}
	case <-time.After(10 * time.Second):
		tm.t.Fatal("the REPL did not exit on Ctrl-D")
	}
	tm.tty.Close()
	tm.ptmx.Close()
}

func TestBackgroundOutputWhileTyping(t *testing.T) {
	tm := start(t, repl.Config{})
	tm.send("def tick(n):\r    for i in range(n):\r        await_(asyncio.sleep(0.05))\r        print('tick', i * 100)\r\r")
	tm.send("t = asyncio.ensure_future(asyncio.coroutine(tick)(3))\r")
	tm.expect("tick 0")
	tm.send("40 + ") // half a line, while the task prints
	tm.expect("tick 200")
	tm.send("2\r")
	tm.expect("42")
	tm.exit()
}

func TestTopLevelAwaitAndExpressions(t *testing.T) {
	tm := start(t, repl.Config{})
	tm.send("await_(asyncio.sleep(0.01, result=7)) * 6\r")
	tm.expect("42")
	tm.send("None\r") // None prints nothing
	tm.send("'x' + 'y'\r")
	tm.expect(`'xy'`)
	tm.send("loop = asyncio.get_event_loop()\r")
	tm.send("loop.run_until_complete(asyncio.sleep(0.01, result='done'))\r")
	tm.expect(`'done'`)
	tm.send("loop.is_running()\r")
	tm.expect("True")
	tm.exit()
}

func TestMultiLineBlocksAndGlobals(t *testing.T) {
	tm := start(t, repl.Config{})
	tm.send("items = []\r")
	tm.send("for i in range(3):\r")
	tm.expect("... ")
	tm.send("    if i % 2 == 0:\r        items.append(i * 10)\r\r")
	tm.send("items\r")
	tm.expect("[0, 20]")
	tm.send("items.append(9)\r")
	tm.send("len(items) * 111\r")
	tm.expect("333")
	tm.exit()
}

func TestCtrlCCancelsAwaitOnly(t *testing.T) {
	tm := start(t, repl.Config{})
	tm.send("def bg():\r    for i in range(1000):\r        await_(asyncio.sleep(0.02))\r        if i == 20:\r            print('background still running')\r\r")
	tm.expect(">>> ")
	tm.send("b = asyncio.ensure_future(asyncio.coroutine(bg)())\r")
	tm.send("print('sle' + 'eping'); await_(asyncio.sleep(3600))\r")
	tm.expect("sleeping")
	tm.interrupts <- os.Interrupt
	tm.expect("KeyboardInterrupt")
	tm.expect(">>> ")
	tm.expect("background still running")
	tm.send("b.done()\r")
	tm.expect("False")
	tm.exit()
}

func TestCtrlCInterruptsCPUBoundCode(t *testing.T) {
	tm := start(t, repl.Config{})
	tm.send("n = 0\r")
	tm.send("while True:\r    n += 1\r    if n == 1000:\r        print('spi' + 'nning')\r\r")
	tm.expect("spinning")
	tm.interrupts <- os.Interrupt
	tm.expect("KeyboardInterrupt")
	tm.send("n > 0\r")
	tm.expect("True")
	tm.exit()
}

func TestCtrlCAtPromptClearsLine(t *testing.T) {
	tm := start(t, repl.Config{})
	tm.send("undefined_name_here")
	tm.send("\x03")
	tm.send("1 + 1000\r")
	tm.expect("1001")
	tm.exit()
}

func TestCtrlDCancelsPendingTasksWhichCleanUp(t *testing.T) {
	tm := start(t, repl.Config{})
	tm.send("def worker():\r    def cleanup():\r        await_(asyncio.sleep(0.01))\r        print('worker cleaned', 'up')\r    try_(lambda: await_(asyncio.sleep(3600)), finally_=cleanup)\r\r")
	tm.send("w = asyncio.ensure_future(asyncio.coroutine(worker)()); print('sta' + 'rted')\r")
	tm.expect("started")
	tm.send("\x04")
	tm.expect("worker cleaned up")
	select {
	case st := <-tm.status:
		if st != 0 {
			t.Errorf("exit status %d, want 0", st)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no exit")
	}
	tm.tty.Close()
	tm.ptmx.Close()
}

func TestHistoryPersists(t *testing.T) {
	hist := filepath.Join(t.TempDir(), "history")
	tm := start(t, repl.Config{HistoryFile: hist})
	tm.send("41 + 1000\r")
	tm.expect("1041")
	tm.exit()
	if data, _ := os.ReadFile(hist); !strings.Contains(string(data), "41 + 1000") {
		t.Fatalf("history file: got %q, want it to hold the line", data)
	}
	tm = start(t, repl.Config{HistoryFile: hist})
	tm.send("\x1b[A\r") // Up, Enter: the line from the first session
	tm.expect("1041")
	tm.exit()
}

func TestCompletion(t *testing.T) {
	tm := start(t, repl.Config{})
	tm.send("my_value = 5\r")
	tm.send("my_v\t + 1\r")
	tm.expect("6")
	tm.send("asyncio.sle\t\r")
	tm.expect("<coroutine function sleep>")
	tm.exit()
}

func TestInteractiveScript(t *testing.T) {
	script := filepath.Join(t.TempDir(), "setup.star")
	os.WriteFile(script, []byte("counter = [1]\ndef bump():\n    counter[0] += 1\n    return counter[0]\n"), 0o644)
	tm := start(t, repl.Config{Script: script})
	tm.send("bump()\r")
	tm.expect("2")
	tm.send("counter.append(7)\r")
	tm.send("counter\r")
	tm.expect("[2, 7]")
	tm.exit()
}

func TestPythonKeywordHints(t *testing.T) {
	tm := start(t, repl.Config{})
	tm.send("yield 1\r")
	tm.expect("<stdin>:1:1: asyncrun has no generators")
	tm.send("def f():\r    try:\r")
	tm.expect("<stdin>:2:5: got try, want primary expression (asyncrun has no try statement: write `try_(body, except_={T: handler}, else_=..., finally_=...)`)")
	tm.send("1 + 2000\r")
	tm.expect("2001")
	tm.exit()
}

// TestStatementAfterBlockWithoutBlankLine: as in CPython's console, a
// statement typed right after an indented block, with no blank line to end
// the block, is a syntax error, and neither the block nor the statement
// runs.
func TestStatementAfterBlockWithoutBlankLine(t *testing.T) {
	tm := start(t, repl.Config{})
	tm.send("def g():\r    return 1\ryy = 99\r")
	tm.expect("<stdin>:3:1: invalid syntax")
	tm.send("for i in range(3): print('for' + 'loop', i)\rprint('af' + 'ter')\r")
	tm.expect("<stdin>:2:1: invalid syntax")
	tm.send("yy\r")
	tm.expect("undefined: yy")
	tm.send("g\r")
	tm.expect("undefined: g")
	tm.exit()
	if out := tm.output(); strings.Contains(out, "forloop") || strings.Contains(out, "after") {
		t.Errorf("a chunk with a syntax error ran; output:\n%s", out)
	}
}

// TestPartialLinesStayVisible: output that does not end its line (print(x,
// end="")) is not erased when the prompt is drawn again: the line is ended
// first, from a background task as from a statement. The background task
// prints once the test lets it, at the idle prompt (it slept 0.05 s before,
// which a loaded machine could end while the lines defining it were still
// being read, and the prompt redrawn then came after the next output).
func TestPartialLinesStayVisible(t *testing.T) {
	release := make(chan struct{})
	goOn := interp.AsyncFunc("go_on", func(ctx context.Context, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		select {
		case <-release:
			return starlark.None, nil
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	})
	tm := start(t, repl.Config{Options: interp.Options{Predeclared: starlark.StringDict{"go_on": goOn}}})
	tm.send("def p():\r    await_(go_on())\r    print('back' + 'ground', end='')\r\r")
	tm.send("t = asyncio.ensure_future(asyncio.coroutine(p)())\r")
	tm.expect("(p)())\r\n") // the line that starts t, entered
	tm.expect(">>> ")       // and the prompt back, idle
	close(release)
	tm.expect("background")
	tm.expectNext("\r\n")
	tm.send("print('state' + 'ment', end='')\r")
	tm.expect("statement")
	tm.expectNext("\r\n")
	tm.send("t.done()\r")
	tm.expect("True")
	tm.exit()
}

// spinSrc defines spin(), a coroutine function whose task runs without ever
// awaiting, so that the loop can run nothing else, and starts it as t.
const spinSrc = "n = [0]\rdef spin():\r    while True:\r        n[0] += 1\r        if n[0] == 1000:\r            print('spi' + 'nning')\r\rt = asyncio.ensure_future(asyncio.coroutine(spin)())\r"

// startSpin sends spinSrc and waits until t spins and the prompt is back
// (the line that started t is done: what is typed next is a new line).
// The prompt may come before "spinning" or after it.
func (tm *term) startSpin() {
	tm.t.Helper()
	tm.send(spinSrc)
	tm.expect("(spin)())\r\n") // the line that starts t, entered
	tm.expectBoth("spinning", ">>> ")
}

// TestCtrlCInterruptsSpinningTaskWhileLineWaits: a line typed while a
// background task spins cannot start; Ctrl-C interrupts the spinning task
// with KeyboardInterrupt and cancels the line, which never runs.
func TestCtrlCInterruptsSpinningTaskWhileLineWaits(t *testing.T) {
	tm := start(t, repl.Config{})
	tm.startSpin()
	tm.send("print('zeb' + 'ra')\r")
	tm.interrupts <- os.Interrupt
	tm.expect("KeyboardInterrupt")
	tm.expect(">>> ")
	tm.send("t.done(), type(t.exception()).__name__\r")
	tm.expect(`(True, 'KeyboardInterrupt')`)
	tm.send("1 + 2000\r")
	tm.expect("2001")
	tm.exit()
	if strings.Contains(tm.output(), "zebra") {
		t.Error("the line cancelled before it started ran")
	}
}

// TestCtrlCInterruptsSpinningTaskWhileLineAwaits: a line awaiting while a
// background task spins cannot be cancelled until the loop is free; Ctrl-C
// interrupts the spinning task and cancels the line.
func TestCtrlCInterruptsSpinningTaskWhileLineAwaits(t *testing.T) {
	tm := start(t, repl.Config{})
	tm.send("def later():\r    await_(asyncio.sleep(0.01))\r    await_(asyncio.coroutine(spin)())\r\r")
	tm.send(strings.TrimSuffix(spinSrc, "t = asyncio.ensure_future(asyncio.coroutine(spin)())\r"))
	tm.send("t = asyncio.ensure_future(asyncio.coroutine(later)()); await_(asyncio.sleep(3600))\r")
	tm.expect("spinning")
	tm.interrupts <- os.Interrupt
	tm.expect("KeyboardInterrupt")
	tm.expect(">>> ")
	tm.send("t.done(), type(t.exception()).__name__\r")
	tm.expect(`(True, 'KeyboardInterrupt')`)
	tm.exit()
}

// TestCtrlCAtPromptInterruptsSpinningTask: Ctrl-C at the prompt interrupts
// a background task that keeps the loop busy.
func TestCtrlCAtPromptInterruptsSpinningTask(t *testing.T) {
	tm := start(t, repl.Config{})
	tm.startSpin()
	tm.send("\x03")
	tm.expect("KeyboardInterrupt")
	tm.send("t.done(), type(t.exception()).__name__\r")
	tm.expect(`(True, 'KeyboardInterrupt')`)
	tm.exit()
}

// TestCtrlDWithSpinningTask: Ctrl-D exits though a background task keeps
// the loop busy.
func TestCtrlDWithSpinningTask(t *testing.T) {
	tm := start(t, repl.Config{})
	tm.startSpin()
	tm.exit()
}

// TestMaxStepsPerStatement: with -max-steps, each statement has the whole
// budget: one that spends it fails with "too many steps", alone, and the
// next statements run.
func TestMaxStepsPerStatement(t *testing.T) {
	tm := start(t, repl.Config{Options: interp.Options{MaxSteps: 100_000}})
	tm.send("def work():\r    for i in range(10000):\r        pass\r    return 'wo' + 'rked'\r\r")
	for _, want := range []string{"worked1", "worked2", "worked3"} {
		tm.send("work() + '" + want[len(want)-1:] + "'\r") // about 60,000 steps each
		tm.expect("'" + want + "'")
	}
	tm.send("def tick():\r    while True:\r        await_(asyncio.sleep(0.01))\r\r")
	tm.send("ticker = asyncio.ensure_future(asyncio.coroutine(tick)())\r")
	tm.send("n = 0\r")
	tm.send("while True:\r    n += 1\r\r")
	tm.expect("too many steps")
	tm.send("n > 1000, ticker.done()\r")
	tm.expect("(True, False)")
	// A statement that awaits tasks spending the budget fails, and they
	// are cancelled with it.
	tm.send("def spin():\r    while True:\r        await_(asyncio.sleep(0))\r\r")
	tm.send("await_(asyncio.gather(*[asyncio.coroutine(spin)() for i in range(3)]))\r")
	tm.expect("too many steps")
	tm.send("await_(asyncio.sleep(0.05))\r")
	tm.send("'tasks: %d' % len(asyncio.all_tasks())\r")
	tm.expect(`'tasks: 2'`) // this statement's task and the ticker
	tm.exit()
}
