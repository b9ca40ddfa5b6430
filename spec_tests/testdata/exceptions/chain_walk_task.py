# a chain built across awaits and tasks (context, cause, context) walks the same after it crosses two task boundaries
import asyncio
def walk(e):
    label = "raised"
    while e is not None:
        print("  " + label + ":", type(e).__name__, "|" + str(e) + "|")
        if e.__cause__ is not None:
            label, e = "cause", e.__cause__
        elif e.__context__ is not None and not e.__suppress_context__:
            label, e = "context", e.__context__
        else:
            e = None
async def read_config():
    await asyncio.sleep(0.1)
    try:
        return {}["path"]
    except KeyError:
        await asyncio.sleep(0.1)
        raise FileNotFoundError(2, "No such file or directory")
async def connect():
    try:
        await asyncio.ensure_future(read_config())
    except OSError as e:
        raise ConnectionRefusedError(111, "Connection refused") from e
async def main():
    try:
        await asyncio.ensure_future(connect())
    except ConnectionError:
        await asyncio.sleep(0.1)
        try:
            raise RuntimeError("service down")
        except RuntimeError as e:
            walk(e)
asyncio.run(main())
