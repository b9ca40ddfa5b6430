package locks

import "testing"

// TestQueueStr: a queue prints as CPython's str() of it, its items in
// Python's repr; the types have CPython's names. (The expected lines are
// CPython's.)
func TestQueueStr(t *testing.T) {
	checkScript(t, `
def main():
    q = asyncio.Queue(2)
    print(q)
    q.put_nowait("a")
    q.put_nowait((1, "b"))
    print(q)
    g = asyncio.Queue()
    gt = asyncio.ensure_future(g.get())
    await_(asyncio.sleep(0))
    print(g)
    gt.cancel()
    pq = asyncio.PriorityQueue()
    pq.put_nowait(3)
    pq.put_nowait(1)
    print(pq)
    lq = asyncio.LifoQueue(maxsize=-1)
    lq.put_nowait(["x", ("y",)])
    l = []
    l.append(l)
    lq.put_nowait(l)
    print(lq, lq.maxsize)
    print(type(q), type(pq), type(lq), q.put(1), q.get(), q.join())
    await_(asyncio.gather(gt, return_exceptions=True))
asyncio.run(asyncio.coroutine(main)())
`, `<Queue maxsize=2>
<Queue maxsize=2 _queue=['a', (1, 'b')] tasks=2>
<Queue maxsize=0 _getters[1]>
<PriorityQueue maxsize=0 _queue=[1, 3] tasks=2>
<LifoQueue maxsize=-1 _queue=[['x', ('y',)], [[...]]] tasks=2> -1
Queue PriorityQueue LifoQueue <coroutine object Queue.put> <coroutine object Queue.get> <coroutine object Queue.join>
`)
}

// TestPriorityQueueTypeError: items that do not compare are a TypeError
// with CPython's message, naming the pair that failed inside tuples and
// lists, from put_nowait, put and get alike. Equal tuples compare without
// comparing their elements, as in Python. (The expected lines are
// CPython's.)
func TestPriorityQueueTypeError(t *testing.T) {
	checkScript(t, `
def main():
    for first, second in [({}, {}), ((1, {}), (1, {})), (("b", 2), (1, "a")), (None, 1), ([1, "x"], [1, 2])]:
        pq = asyncio.PriorityQueue()
        pq.put_nowait(first)
        try_(lambda: pq.put_nowait(second), except_={TypeError: lambda e: print("put_nowait:", str(e))})
    pq = asyncio.PriorityQueue()
    await_(pq.put(1))
    try_(lambda: await_(pq.put("a")), except_={TypeError: lambda e: print("put:", str(e))})
    pq = asyncio.PriorityQueue()
    for item in [(0,), (1, "x"), (1, 2)]:
        pq.put_nowait(item)
    try_(lambda: await_(pq.get()), except_={TypeError: lambda e: print("get:", str(e))})
asyncio.run(asyncio.coroutine(main)())
`, `put_nowait: '<' not supported between instances of 'dict' and 'dict'
put_nowait: '<' not supported between instances of 'int' and 'str'
put_nowait: '<' not supported between instances of 'int' and 'NoneType'
put_nowait: '<' not supported between instances of 'int' and 'str'
put: '<' not supported between instances of 'str' and 'int'
get: '<' not supported between instances of 'int' and 'str'
`)
}

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
