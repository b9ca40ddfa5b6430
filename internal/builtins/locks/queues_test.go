package locks

import "testing"

// A queue's str(), its type names and its errors of comparison are checked
// against CPython by the spec programs queue_str and
// queue_priority_type_error of spec_tests/testdata/asyncio and their twins.

// TestQueueBoundToOneLoop: a queue binds to the loop of its first waiter,
// and refuses a task of another loop, as CPython's _LoopBoundMixin does.
func TestQueueBoundToOneLoop(t *testing.T) {
	checkScript(t, `
q = asyncio.Queue()
def getter():
    return await_(q.get())
getter = asyncio.coroutine(getter)
def first():
    t = asyncio.ensure_future(getter())
    await_(asyncio.sleep(0))
    q.put_nowait(1)
    print("first loop got", await_(t))
asyncio.run(asyncio.coroutine(first)())
def second():
    try_(lambda: await_(q.get()), except_={RuntimeError: lambda e: print(str(e))})
asyncio.run(asyncio.coroutine(second)())
`, `first loop got 1
<Queue maxsize=0 tasks=1> is bound to a different event loop
`)
}
