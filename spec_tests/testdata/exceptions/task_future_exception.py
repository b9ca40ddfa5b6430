# an exception set on a Future with set_exception keeps its __cause__ and __context__ for every awaiter and for exception()
import asyncio
def make_error():
    try:
        raise KeyError("session")
    except KeyError:
        try:
            raise PermissionError(13, "Permission denied")
        except OSError as denied:
            return RuntimeError("login failed")
async def waiter(name, fut):
    try:
        await fut
    except RuntimeError as e:
        print(name, "got", type(e).__name__, str(e), "cause:", e.__cause__, "context:", e.__context__)
async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    err = RuntimeError("login failed")
    try:
        raise err from PermissionError(13, "Permission denied")
    except RuntimeError:
        pass
    tasks = [asyncio.ensure_future(waiter(n, fut)) for n in ["w1", "w2"]]
    await asyncio.sleep(0.1)
    fut.set_exception(err)
    await asyncio.gather(*tasks)
    e = fut.exception()
    print("exception():", e is err, type(e.__cause__).__name__, e.__cause__.errno, e.__cause__.strerror, e.__suppress_context__)
    print("unraised:", make_error().__context__)
asyncio.run(main())
