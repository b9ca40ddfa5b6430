# an exception raised in __exit__/__aexit__ replaces the body's exception (or appears with none); an exception in __enter__ skips the body and __exit__
import asyncio
class Sync:
    def __init__(self, enter_fails=False, exit_fails=False):
        self.enter_fails, self.exit_fails = enter_fails, exit_fails
    def __enter__(self):
        print("  enter")
        if self.enter_fails:
            raise ValueError("enter failed")
        return "v"
    def __exit__(self, exc_type, exc, tb):
        print("  exit with", "nothing" if exc is None else str(exc))
        if self.exit_fails:
            raise TypeError("exit failed")
        return False
class Async:
    async def __aenter__(self):
        return "a"
    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0)
        raise KeyError("aexit failed")
def body_raises():
    raise RuntimeError("body failed")
def attempt(label, cm, fail_body):
    print("--", label)
    try:
        with cm:
            print("  body")
            if fail_body:
                body_raises()
        print("  completed")
    except Exception as e:
        print("  caught", type(e).__name__, str(e))
attempt("exit raises, body clean", Sync(exit_fails=True), False)
attempt("exit raises, body raises", Sync(exit_fails=True), True)
attempt("enter raises", Sync(enter_fails=True), True)
async def main():
    print("-- aexit raises, body raises")
    try:
        async with Async():
            print("  body")
            body_raises()
    except Exception as e:
        print("  caught", type(e).__name__, str(e))
    print("-- aexit raises, body clean")
    try:
        async with Async() as v:
            print("  body got", v)
    except KeyError as e:
        print("  caught", type(e).__name__, str(e))
asyncio.run(main())
