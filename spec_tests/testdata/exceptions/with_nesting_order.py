# nested with_ blocks (sync inside async inside sync): enter in order, exit in reverse; an inner exit that suppresses hides the error from the outer ones
import asyncio
class Sync:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, "sees", "nothing" if exc is None else type(exc).__name__ + " " + str(exc))
        return self.suppress
class Async:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    async def __aenter__(self):
        await asyncio.sleep(0)
        print("aenter", self.name)
        return self.name
    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0)
        print("aexit", self.name, "sees", "nothing" if exc is None else type(exc).__name__ + " " + str(exc))
        return self.suppress
async def scenario(fail, suppress_inner):
    print("-- fail:", fail, "suppress inner:", suppress_inner)
    try:
        with Sync("outer"):
            async with Async("middle"):
                with Sync("inner", suppress_inner) as name:
                    print("body in", name)
                    if fail:
                        raise RuntimeError("from body")
                print("after inner block")
            print("after middle block")
        print("after outer block")
    except RuntimeError as e:
        print("escaped:", str(e))
async def main():
    await scenario(False, False)
    await scenario(True, False)
    await scenario(True, True)
asyncio.run(main())
