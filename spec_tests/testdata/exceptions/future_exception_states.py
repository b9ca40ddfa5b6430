# Future: exception() in each state, set_result/set_exception on a done or cancelled future -> InvalidStateError
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    try:
        f.exception()
    except asyncio.InvalidStateError as e:
        print("pending exception():", type(e).__name__)
    f.set_exception(RuntimeError("kaput"))
    print("failed:", f.done(), f.cancelled(), type(f.exception()).__name__, str(f.exception()))
    for name, call in [("set_result", lambda: f.set_result(1)),
                       ("set_exception", lambda: f.set_exception(ValueError("again")))]:
        try:
            call()
        except asyncio.InvalidStateError as e:
            print(name, "on failed future:", type(e).__name__)
    try:
        await f
    except RuntimeError as e:
        print("await failed future:", str(e))
    c = loop.create_future()
    print("cancel:", c.cancel())
    for name, call in [("exception", c.exception), ("result", c.result)]:
        try:
            call()
        except asyncio.CancelledError as e:
            print(name, "of cancelled:", type(e).__name__)
    try:
        c.set_result(5)
    except asyncio.InvalidStateError as e:
        print("set_result on cancelled:", type(e).__name__)
    r = loop.create_future()
    r.set_result(None)
    print("result None:", r.result(), r.exception())
    try:
        r.set_result(2)
    except asyncio.InvalidStateError:
        print("set_result twice: InvalidStateError")
    print("cancel done future:", r.cancel(), r.cancelled())
    try:
        await c
    except asyncio.CancelledError:
        print("await cancelled future: CancelledError")
asyncio.run(main())
