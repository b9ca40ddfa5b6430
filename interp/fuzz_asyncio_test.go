package interp_test

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// FuzzAsyncio runs programs made of asyncio calls: asyncioProgram turns the
// fuzz bytes into a script that creates futures, tasks and coroutines,
// cancels them (with and without messages), awaits, gathers, waits, shields,
// sets results and exceptions (also on done futures and to values holding
// the future itself), adds and removes done callbacks, schedules callbacks,
// runs and closes the loop, submits coroutines threadsafe, uses queues,
// locks, events, task groups and timeouts, and prints the reprs of it all.
// The script runs as in FuzzExec.
func FuzzAsyncio(f *testing.F) {
	for _, s := range asyncioSeeds {
		f.Add(s.data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		src := asyncioProgram(data)
		if os.Getenv("ASYNCRUN_FUZZ_SHOW") != "" {
			fmt.Fprintf(os.Stderr, "--- FuzzAsyncio program:\n%s---\n", src)
		}
		t.Logf("program:\n%s", src)
		fuzzRun(t, src)
	})
}

// asyncioPrelude starts every program of FuzzAsyncio. P holds the values the
// statements make and use: futures, tasks, coroutines, anything; it starts
// with a future, a sleeping task, a task awaiting the future and a
// coroutine.
const asyncioPrelude = `loop = asyncio.get_event_loop()
P = [None] * 6
def put(i, v):
    P[i] = v
    return v
def rep(e):
    print("caught", type(e), e)
def show(*a):
    print("show", a)
def ret(v):
    return v
ret = asyncio.coroutine(ret)
def aw(x):
    return await_(x)
aw = asyncio.coroutine(aw)
def aws(i):
    return await_(P[i])
aws = asyncio.coroutine(aws)
def nap(d, v):
    await_(asyncio.sleep(d))
    return v
nap = asyncio.coroutine(nap)
def boom(d, e):
    await_(asyncio.sleep(d))
    raise_(e)
boom = asyncio.coroutine(boom)
def ascomp(fs, t):
    return [try_(lambda: await_(x), except_={BaseException: rep}) for x in asyncio.as_completed(fs, timeout=t)]
P[0] = loop.create_future()
P[1] = asyncio.ensure_future(nap(1, "n"))
P[2] = asyncio.ensure_future(aws(0))
P[3] = ret(3)
`

// Bounds of a program: top-level statements, generated functions, statements
// in a function, nesting of expressions.
const (
	asyncioMaxStmts = 64
	asyncioMaxFuncs = 3
	asyncioMaxBody  = 4
	asyncioMaxDepth = 2
	asyncioSlots    = 6
)

// asyncioGen reads the fuzz bytes: every choice takes one byte, modulo the
// number of alternatives (0 once the bytes run out), so a seed is the list
// of its choices (see asyncioSeeds).
type asyncioGen struct {
	data []byte
	pos  int
	nfn  int // generated functions f0..f{nfn-1}, and coroutine functions c0..
}

func (g *asyncioGen) n(k int) int {
	if g.pos >= len(g.data) {
		return 0
	}
	b := g.data[g.pos]
	g.pos++
	return int(b) % k
}

// pick returns one of alts.
func (g *asyncioGen) pick(alts ...string) string { return alts[g.n(len(alts))] }

// asyncioProgram turns data into a program: the prelude, 0 to 2 functions
// f0, f1 (each also a coroutine function c0, c1) made of statements, then
// top-level statements until the bytes run out.
func asyncioProgram(data []byte) string {
	g := &asyncioGen{data: data}
	var b strings.Builder
	b.WriteString(asyncioPrelude)
	g.nfn = g.n(asyncioMaxFuncs)
	for k := 0; k < g.nfn; k++ {
		fmt.Fprintf(&b, "def f%d(*a):\n", k)
		for i, n := 0, 1+g.n(asyncioMaxBody); i < n; i++ {
			b.WriteString("    " + g.stmt() + "\n")
		}
		fmt.Fprintf(&b, "    return a\nc%d = asyncio.coroutine(f%d)\n", k, k)
	}
	for i := 0; i < asyncioMaxStmts && g.pos < len(g.data); i++ {
		b.WriteString(g.stmt() + "\n")
	}
	return b.String()
}

// stmt is one statement: an expression, most often (31 times in 32) inside
// a try_ that catches everything, so that the program goes on.
func (g *asyncioGen) stmt() string {
	raw := g.n(32) == 0
	e := g.expr()
	if raw {
		return e
	}
	return "try_(lambda: " + e + ", except_={BaseException: rep})"
}

func (g *asyncioGen) expr() string {
	const d = 0
	switch g.n(46) {
	case 0:
		return "put(" + g.slot() + ", " + g.fut(d) + ")"
	case 1:
		return "put(" + g.slot() + ", await_(" + g.aw(d) + "))"
	case 2:
		return "print(await_(" + g.aw(d) + "))"
	case 3:
		return g.p() + ".cancel()"
	case 4:
		return g.p() + ".cancel(" + g.msg() + ")"
	case 5:
		return g.p() + ".set_result(" + g.val(d) + ")"
	case 6:
		return g.p() + ".set_exception(" + g.exc(d) + ")"
	case 7:
		return "print(" + g.p() + ".result())"
	case 8:
		return "print(" + g.p() + ".exception())"
	case 9:
		p := g.p()
		return "print(" + p + ".done(), " + p + ".cancelled())"
	case 10:
		return g.p() + ".add_done_callback(" + g.cb() + ")"
	case 11:
		return g.p() + ".remove_done_callback(" + g.cb() + ")"
	case 12:
		return "loop.call_soon(" + g.cb() + ", " + g.val(d) + ")"
	case 13:
		return "loop.call_later(" + g.delay() + ", " + g.cb() + ", " + g.val(d) + ")"
	case 14:
		return "print(" + g.p() + ")"
	case 15:
		return "print(P)"
	case 16:
		return `print("%r %s" % (` + g.p() + ", " + g.val(d) + "))"
	case 17:
		return "print(loop.run_until_complete(" + g.aw(d) + "))"
	case 18:
		return "print(await_(asyncio.wait(" + g.list(d) + ", timeout=" + g.timeout() + ", return_when=" + g.mode() + ")))"
	case 19:
		return "print(ascomp(" + g.list(d) + ", " + g.timeout() + "))"
	case 20:
		return "await_(asyncio.sleep(" + g.delay() + "))"
	case 21:
		p := g.p()
		return "print(" + p + ".get_name(), " + p + ".cancelling())"
	case 22:
		return g.p() + ".uncancel()"
	case 23:
		return g.p() + ".print_stack()"
	case 24:
		return "print(asyncio.all_tasks(), asyncio.current_task())"
	case 25:
		// run_forever with a stop on its way, so that the run ends.
		return "(loop.call_later(" + g.pick("0", "0.5", "1", "5") + ", loop.stop), loop.run_forever())"
	case 26:
		return "print(asyncio.gather(" + g.args(d) + "))"
	case 27:
		return "print(asyncio.as_completed(" + g.list(d) + "))"
	case 28:
		return "print(await_(asyncio.wait_for(" + g.aw(d) + ", " + g.timeout() + ")))"
	case 29:
		return "put(" + g.slot() + ", asyncio.shield(" + g.aw(d) + "))"
	case 30:
		return "print(asyncio.run(" + g.coro(d) + "))"
	case 31:
		return g.p() + ".set_name(" + g.val(d) + ")"
	case 32:
		return "loop.call_at(loop.time() + " + g.delay() + ", " + g.cb() + ", " + g.val(d) + ")"
	case 33:
		return "put(" + g.slot() + ", asyncio.run_coroutine_threadsafe(" + g.coro(d) + ", loop))"
	case 34:
		return "print(" + g.p() + ".result(" + g.timeout() + "))"
	case 35:
		p := g.p()
		return "print(" + p + ".get_coro(), " + p + ".get_loop())"
	case 36:
		return "put(" + g.slot() + ", asyncio.Task(" + g.coro(d) + ", name=" + g.val(d) + "))"
	case 37:
		return "put(" + g.slot() + ", " + g.val(d) + ")"
	case 38:
		return "put(" + g.slot() + ", " + g.pick("asyncio.Queue(1)", "asyncio.Queue()", "asyncio.PriorityQueue()",
			"asyncio.Lock()", "asyncio.Event()", "asyncio.Semaphore(1)", "asyncio.BoundedSemaphore(1)",
			"asyncio.Condition()", "asyncio.Barrier(2)") + ")"
	case 39:
		return "print(await_(" + g.p() + "." + g.pick("get", "wait", "acquire", "join") + "()))"
	case 40:
		return "await_(" + g.p() + ".put(" + g.val(d) + "))"
	case 41:
		p := g.p()
		return "print(" + p + "." + g.pick("get_nowait()", "put_nowait("+g.val(d)+")", "release()", "set()",
			"clear()", "task_done()", "notify()", "abort()", "reset()", "locked()", "qsize()") + ")"
	case 42:
		return "with_(asyncio.TaskGroup(), lambda tg: [tg.create_task(" + g.coro(d) + "), tg.create_task(" + g.coro(d) + ")])"
	case 43:
		return "with_(asyncio.timeout(" + g.pick("None", "0", "0.5", "-1") + "), lambda: await_(" + g.aw(d) + "))"
	case 44:
		return "put(" + g.slot() + ", asyncio.create_task(" + g.coro(d) + "))"
	case 45:
		return "with_(" + g.p() + ", lambda *a: await_(" + g.aw(d) + "))"
	default:
		return "loop.close()"
	}
}

// fut makes a new awaitable (or a value that fails trying).
func (g *asyncioGen) fut(d int) string {
	switch g.n(12) {
	case 0:
		return "loop.create_future()"
	case 1:
		return "asyncio.Future()"
	case 2:
		return "asyncio.ensure_future(" + g.coro(d) + ")"
	case 3:
		return "loop.create_task(" + g.coro(d) + ")"
	case 4:
		return "asyncio.Task(" + g.coro(d) + ")"
	case 5:
		return "asyncio.gather(" + g.args(d) + ", return_exceptions=" + g.pick("False", "True") + ")"
	case 6:
		return "asyncio.shield(" + g.aw(d) + ")"
	case 7:
		return "asyncio.wait_for(" + g.aw(d) + ", " + g.timeout() + ")"
	case 8:
		return "asyncio.wait(" + g.list(d) + ", timeout=" + g.timeout() + ", return_when=" + g.mode() + ")"
	case 9:
		return "asyncio.sleep(" + g.delay() + ", result=" + g.val(d) + ")"
	case 10:
		return g.coro(d)
	default:
		return "asyncio.ensure_future(" + g.aw(d) + ")"
	}
}

// coro makes a coroutine object.
func (g *asyncioGen) coro(d int) string {
	switch g.n(6) {
	case 0:
		if g.nfn == 0 {
			return "ret(" + g.val(d) + ")"
		}
		return fmt.Sprintf("c%d(%s)", g.n(g.nfn), g.val(d))
	case 1:
		return "aws(" + g.slot() + ")"
	case 2:
		return "aw(" + g.aw(d) + ")"
	case 3:
		return "nap(" + g.delay() + ", " + g.val(d) + ")"
	case 4:
		return "boom(" + g.delay() + ", " + g.exc(d) + ")"
	default:
		return "ret(" + g.val(d) + ")"
	}
}

// aw is something to await: mostly a value of P, else a new awaitable, or
// junk.
func (g *asyncioGen) aw(d int) string {
	switch c := g.n(8); {
	case c < 4 || d >= asyncioMaxDepth && c < 7:
		return g.p()
	case c < 6:
		return g.fut(d + 1)
	case c == 6:
		return g.coro(d + 1)
	default:
		return g.junk()
	}
}

func (g *asyncioGen) junk() string {
	return g.pick("(1, 2)", "()", "(1,)", "[1]", "None", "1", `"s"`, "[()]", "loop")
}

// list is a list of awaitables for wait and as_completed.
func (g *asyncioGen) list(d int) string {
	switch g.n(6) {
	case 4:
		return "P"
	case 5:
		return g.junk()
	}
	var parts []string
	for i, n := 0, g.n(4); i < n; i++ {
		parts = append(parts, g.aw(d))
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// args are gather's positional arguments.
func (g *asyncioGen) args(d int) string {
	if g.n(4) == 3 {
		return "*" + g.list(d)
	}
	var parts []string
	for i, n := 0, g.n(4); i < n; i++ {
		parts = append(parts, g.aw(d))
	}
	return strings.Join(parts, ", ")
}

func (g *asyncioGen) val(d int) string {
	switch g.n(10) {
	case 0:
		return "0"
	case 1:
		return "1"
	case 2:
		return `"s"`
	case 3:
		return "None"
	case 4:
		return g.p()
	case 5:
		return "[" + g.p() + "]"
	case 6:
		return "(" + g.p() + ", 1)"
	case 7:
		return `{"k": ` + g.p() + "}"
	case 8:
		return g.exc(d)
	default:
		return "P"
	}
}

func (g *asyncioGen) exc(d int) string {
	switch g.n(11) {
	case 0:
		return `ValueError("v")`
	case 1:
		return "asyncio.CancelledError()"
	case 2:
		return `asyncio.CancelledError("m")`
	case 3:
		return "TimeoutError()"
	case 4:
		return "KeyError(" + g.p() + ")"
	case 5:
		return `RuntimeError("r")`
	case 6:
		return "ValueError"
	case 7:
		return `asyncio.InvalidStateError("i")`
	case 8:
		return "Exception(" + g.p() + ")"
	case 9:
		return "Exception(P)"
	default:
		return `ExceptionGroup("g", [ValueError("v"), ` + g.p() + "])"
	}
}

func (g *asyncioGen) slot() string { return fmt.Sprint(g.n(asyncioSlots)) }
func (g *asyncioGen) p() string    { return "P[" + g.slot() + "]" }
func (g *asyncioGen) msg() string  { return g.pick(`"m"`, "None", `msg="why"`, "1") }
func (g *asyncioGen) delay() string {
	return g.pick("0", "0.5", "1", "-1", "1e9", `"x"`, `float("inf")`)
}
func (g *asyncioGen) timeout() string { return g.pick("None", "0", "0.5", "2", "-1") }
func (g *asyncioGen) mode() string {
	return g.pick("asyncio.ALL_COMPLETED", "asyncio.FIRST_COMPLETED", "asyncio.FIRST_EXCEPTION", `"x"`)
}

// cb is a callback: a done callback gets the future, call_soon's the value.
func (g *asyncioGen) cb() string {
	alts := []string{"rep", "show", "loop.stop"}
	for k := 0; k < g.nfn; k++ {
		alts = append(alts, fmt.Sprintf("f%d", k))
	}
	return g.pick(alts...)
}

// An asyncioSeed is a list of choices for asyncioGen (one byte each) and a
// line its program must contain, which TestAsyncioSeeds checks, so that a
// change of the generator cannot silently turn a seed into another program.
type asyncioSeed struct {
	name string
	data []byte
	want string
}

var asyncioSeeds = []asyncioSeed{
	// Crashers found before FuzzAsyncio existed (Go panics: unhashable
	// keys), since fixed in builtins: junk where awaitables are expected.
	{"gather of a tuple", []byte{0, 1, 26, 0, 1, 7, 0},
		"try_(lambda: print(asyncio.gather((1, 2))), except_={BaseException: rep})"},
	{"wait on a list holding a tuple", []byte{0, 1, 18, 0, 1, 7, 1, 0, 0},
		"asyncio.wait([()], timeout=None, return_when=asyncio.ALL_COMPLETED)"},
	{"as_completed of a list holding a tuple", []byte{0, 1, 27, 0, 1, 7, 2},
		"print(asyncio.as_completed([(1,)]))"},
	// Crashers that killed the Go runtime with a stack overflow (a repr
	// recursing through itself), since fixed in builtins.
	{"a future whose result holds it, printed", []byte{
		0,
		1, 0, 0, 0, // put(0, loop.create_future())
		1, 5, 0, 5, 0, // P[0].set_result([P[0]])
		1, 14, 0, // print(P[0])
	}, "try_(lambda: P[0].set_result([P[0]]), except_={BaseException: rep})\ntry_(lambda: print(P[0])"},
	{"two tasks awaiting each other, in the deadlock report", []byte{
		0,
		1, 0, 0, 2, 1, 1, // put(0, asyncio.ensure_future(aws(1)))
		1, 0, 1, 2, 1, 0, // put(1, asyncio.ensure_future(aws(0)))
		1, 2, 0, 0, // print(await_(P[0]))
	}, "put(1, asyncio.ensure_future(aws(0)))"},
	{"an exception holding the list that holds it, printed", []byte{
		0,
		1, 37, 4, 8, 9, // put(4, Exception(P))
		1, 15, // print(P)
	}, "try_(lambda: put(4, Exception(P)), except_={BaseException: rep})\ntry_(lambda: print(P)"},
	{"a bit of everything", []byte{
		1, 1, 1, 3, 2, 1, 20, 1, // f0: P[2].cancel(); await_(asyncio.sleep(0.5))
		1, 0, 0, 3, 0, 0, 1, // put(0, loop.create_task(c0(1)))
		1, 0, 1, 2, 3, 2, 2, // put(1, asyncio.ensure_future(nap(1, "s")))
		1, 0, 2, 0, // put(2, loop.create_future())
		1, 10, 2, 3, // P[2].add_done_callback(f0)
		1, 4, 1, 2, // P[1].cancel(msg="why")
		1, 0, 3, 5, 0, 2, 0, 0, 0, 1, 1, // put(3, asyncio.gather(P[0], P[1], return_exceptions=True))
		1, 18, 0, 2, 0, 3, 0, 2, 2, 1, // print(await_(asyncio.wait([P[3], P[2]], timeout=0.5, return_when=FIRST_COMPLETED)))
		1, 5, 2, 9, // P[2].set_result(P)
		1, 6, 2, 0, // P[2].set_exception(ValueError("v")): a done future
		1, 12, 1, 1, // loop.call_soon(show, 1)
		1, 13, 1, 3, 3, // loop.call_later(0.5, f0, None)
		1, 28, 4, 9, 2, 0, 1, // print(await_(asyncio.wait_for(asyncio.sleep(1, result=0), 0)))
		1, 29, 4, 0, 0, // put(4, asyncio.shield(P[0]))
		1, 3, 4, // P[4].cancel()
		1, 19, 0, 2, 0, 0, 0, 4, 3, // print(ascomp([P[0], P[4]], 2))
		1, 17, 0, 3, // print(loop.run_until_complete(P[3]))
		1, 15, // print(P)
		1, 21, 0, // print(P[0].get_name(), P[0].cancelling())
		1, 23, 0, // P[0].print_stack()
		1, 24, // print(asyncio.all_tasks(), asyncio.current_task())
		1, 25, 1, // (loop.call_later(0.5, loop.stop), loop.run_forever())
		1, 11, 2, 3, // P[2].remove_done_callback(f0)
		0, 7, 5, // print(P[5].result()), not in a try_
	}, "put(3, asyncio.gather(P[0], P[1], return_exceptions=True))"},
}

// TestAsyncioSeeds checks that each seed makes the program it stands for.
func TestAsyncioSeeds(t *testing.T) {
	for _, s := range asyncioSeeds {
		if src := asyncioProgram(s.data); !strings.Contains(src, s.want) {
			t.Errorf("seed %q: got program\n%s\nwant it to contain %q", s.name, src, s.want)
		}
	}
}
