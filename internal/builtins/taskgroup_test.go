package builtins

import "testing"

// TestTaskGroupAndTimeoutDetails checks what the spec programs leave out:
// the reprs of TaskGroup and Timeout (an int deadline stays an int), the
// TaskGroup callback in a task's repr, a group's __context__ and
// __suppress_context__ (raised "from None"), a child raising a
// BaseException that is not an Exception (a BaseExceptionGroup, as
// CPython: only SystemExit and KeyboardInterrupt leave a group alone), the
// TimeoutError's __cause__, and entering outside a task or a loop. The
// wanted output is CPython 3.11.7's for the same program in Python.
func TestTaskGroupAndTimeoutDetails(t *testing.T) {
	checkScript(t, `def bad(e):
    await_(asyncio.sleep(0))
    raise_(e)
bad = asyncio.coroutine(bad)
def nap(d):
    await_(asyncio.sleep(d))
nap = asyncio.coroutine(nap)
def main():
    tg = asyncio.TaskGroup()
    print(type(tg), repr(tg))
    def b1(g):
        t = tg.create_task(nap(0.01), name=123)
        print(repr(tg), t.get_name())
        print(repr(t).split(" cb=")[1])
        await_(asyncio.sleep(0))
    with_(tg, b1)
    print(repr(tg))
    def b2(g):
        g.create_task(bad(ValueError("v")))
        raise_(KeyError("body"))
    try_(lambda: with_(asyncio.TaskGroup(), b2), except_={ExceptionGroup: lambda e: print(repr(e), e.__suppress_context__, repr(e.__context__), repr(e.__cause__))})
    def b3(g):
        g.create_task(bad(BaseException("b")))
        g.create_task(bad(ValueError("v")))
    try_(lambda: with_(asyncio.TaskGroup(), b3), except_={BaseExceptionGroup: lambda e: print(repr(e), e.__context__)})
    def b4(g):
        g.create_task(bad(BaseExceptionGroup("inner", [asyncio.CancelledError()])))
    try_(lambda: with_(asyncio.TaskGroup(), b4), except_={BaseExceptionGroup: lambda e: print(repr(e))})
    cm = asyncio.timeout(1)
    print(type(cm), repr(cm))
    def b5():
        print(repr(cm).startswith("<Timeout [active] when="))
        cm.reschedule(100000000000000000000)
        print(repr(cm), cm.when())
        cm.reschedule(None)
        print(repr(cm))
    with_(cm, b5)
    print(repr(cm))
    cm = asyncio.timeout(0)
    try_(lambda: with_(cm, lambda: await_(asyncio.sleep(1))), except_={TimeoutError: lambda e: print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)})
    print(repr(cm))
    cm = asyncio.timeout_at(5)
    print(cm.when(), repr(cm))
    def cb():
        for m in [asyncio.timeout(1), asyncio.TaskGroup()]:
            try_(lambda: with_(m, lambda: None), except_={RuntimeError: lambda e: print("in a callback:", e)})
    asyncio.get_running_loop().call_soon(cb)
    await_(asyncio.sleep(0))
    try_(lambda: asyncio.timeout("x"), except_={TypeError: lambda e: print("TypeError")})
main = asyncio.coroutine(main)
asyncio.run(main())
for m in [asyncio.timeout_at(1), asyncio.TaskGroup()]:
    try_(lambda: with_(m, lambda: None), except_={RuntimeError: lambda e: print("outside:", e)})
try_(lambda: asyncio.timeout(1), except_={RuntimeError: lambda e: print("timeout outside:", e)})
`, `TaskGroup <TaskGroup>
<TaskGroup tasks=1 entered> 123
[TaskGroup._on_task_done()]>
<TaskGroup entered>
ExceptionGroup('unhandled errors in a TaskGroup', [KeyError('body')]) True KeyError('body') None
BaseExceptionGroup('unhandled errors in a TaskGroup', [BaseException('b'), ValueError('v')]) None
BaseExceptionGroup('unhandled errors in a TaskGroup', [BaseExceptionGroup('inner', [CancelledError()])])
Timeout <Timeout [created]>
True
<Timeout [active] when=100000000000000000000> 100000000000000000000
<Timeout [active] when=None>
<Timeout [finished]>
TimeoutError() CancelledError() CancelledError() True
<Timeout [expired]>
5 <Timeout [created]>
in a callback: Timeout should be used inside a task
in a callback: TaskGroup <TaskGroup> cannot determine the parent task
TypeError
outside: no running event loop
outside: no running event loop
timeout outside: no running event loop
`)
}
