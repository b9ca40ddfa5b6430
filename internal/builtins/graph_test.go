package builtins

import (
	"strings"
	"testing"
)

// TestCallGraphGatherOfGather: print_call_graph in a task gathered by a
// task that a gather awaits prints Python 3.14's tree: the task and its
// stack from the caller's frame, then, indented, the gather future, the
// task awaiting it, the outer gather and the task awaiting that. Ids are
// the runtime's object numbers.
func TestCallGraphGatherOfGather(t *testing.T) {
	checkScript(t, `
def leaf(n):
    if n == 0:
        asyncio.print_call_graph()
    await_(asyncio.sleep(1))
leaf = asyncio.coroutine(leaf)

def inner():
    await_(asyncio.gather(leaf(0), leaf(1)))
inner = asyncio.coroutine(inner)

def wait_both():
    await_(asyncio.gather(inner(), leaf(2)))

def main():
    wait_both()
main = asyncio.coroutine(main)

asyncio.run(main())
`, `* Task(name='Task-4', id=0x7)
  + Call stack:
  |   File 'x.star', line 4, in async leaf()
  + Awaited by:
    * Future(id=0x9)
      + Awaited by:
        * Task(name='Task-2', id=0x4)
          + Call stack:
          |   File 'x.star', line 9, in async inner()
          + Awaited by:
            * Future(id=0x6)
              + Awaited by:
                * Task(name='Task-1', id=0x3)
                  + Call stack:
                  |   File 'x.star', line 13, in wait_both()
                  |   File 'x.star', line 16, in async main()
`)
}

// TestCallGraphFollows: call graphs follow shield, wait_for, wait and
// TaskGroup; limit keeps the innermost (positive) or outermost (negative)
// frames, or none (0); depth skips the caller's frames; the values have
// CPython's attributes.
func TestCallGraphFollows(t *testing.T) {
	checkScript(t, `
def leaf():
    await_(asyncio.sleep(1))
leaf = asyncio.coroutine(leaf)

def hold(f):
    await_(f)
hold = asyncio.coroutine(hold)

def show(t, **kw):
    print(asyncio.format_call_graph(t, **kw))

def deep(n):
    if n == 0:
        print(asyncio.format_call_graph(depth=2, limit=2))
        g = asyncio.capture_call_graph(limit=-1)
        print(type(g), g.future.get_name(), [e.frame.name for e in g.call_stack], len(g.awaited_by))
        print(type(g.call_stack[0]), g.call_stack[0].frame.lineno)
        return
    deep(n - 1)

def main():
    t = asyncio.create_task(leaf(), name="shielded")
    s = asyncio.create_task(hold(asyncio.shield(t)), name="shielder")
    w = asyncio.create_task(asyncio.wait_for(leaf(), 5), name="waiter")
    await_(asyncio.sleep(0))
    show(t, limit=0)
    show([x for x in asyncio.all_tasks() if x.get_name() == "Task-5"][0], limit=0)
    def body(tg):
        c = tg.create_task(leaf(), name="child")
        await_(asyncio.sleep(0))
        show(c)
    with_(asyncio.TaskGroup(), body)
    deep(3)
    s.cancel()
    await_(w)
main = asyncio.coroutine(main)

print(asyncio.capture_call_graph(asyncio.get_event_loop().create_future()))
asyncio.run(main())
`, `FutureCallGraph(future=<Future pending>, call_stack=(), awaited_by=())
* Task(name='shielded', id=0x5)
  + Awaited by:
    * Future(id=0x6)
      + Awaited by:
        * Task(name='shielder', id=0x7)
* Task(name='Task-5', id=0x9)
  + Awaited by:
    * Task(name='waiter', id=0x8)
* Task(name='child', id=0xb)
  + Call stack:
  |   File 'x.star', line 3, in async leaf()
  + Awaited by:
    * Task(name='Task-1', id=0x4)
      + Call stack:
      |   File 'x.star', line 11, in show()
      |   File 'x.star', line 32, in body()
      |   File 'x.star', line 33, in async main()
* Task(name='Task-1', id=0x4)
  + Call stack:
  |   File 'x.star', line 20, in deep()
  |   File 'x.star', line 20, in deep()
FutureCallGraph Task-1 ['main'] 0
FrameCallGraphEntry 34
`)
	for _, tc := range []struct{ src, want string }{
		{"asyncio.capture_call_graph()", "RuntimeError: capture_call_graph() is called outside of a running event loop and no *future* to introspect was provided"},
		{"asyncio.print_call_graph(1)", "TypeError: 1 object does not appear to be compatible with asyncio.Future"},
		{"asyncio.capture_call_graph(None, None)", "capture_call_graph: got 2 arguments, want at most 1"},
		{"asyncio.capture_call_graph(limit='x')", "TypeError: capture_call_graph: limit must be an int or None, got string"},
	} {
		if _, err := runScript(t, tc.src); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want %s", tc.src, err, tc.want)
		}
	}
	// In a callback no task is current: None, and an empty line.
	checkScript(t, `
loop = asyncio.get_event_loop()
def cb():
    print(asyncio.capture_call_graph())
    asyncio.print_call_graph()
    print("end")
    loop.stop()
loop.call_soon(cb)
loop.run_forever()
`, "None\n\nend\n")
}
