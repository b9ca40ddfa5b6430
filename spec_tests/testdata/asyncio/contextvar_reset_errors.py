# ContextVar.reset misuse: a token used twice is a RuntimeError, a token of another variable a ValueError, a token from another task's context a ValueError
import asyncio
import contextvars
a = contextvars.ContextVar("a", default=0)
b = contextvars.ContextVar("b", default=0)
def attempt(label, fn):
    try:
        fn()
        print(label, "ok")
    except (RuntimeError, ValueError) as e:
        print(label, "->", type(e).__name__)
ta = a.set(1)
attempt("reset once", lambda: a.reset(ta))
attempt("reset twice", lambda: a.reset(ta))
tb = b.set(2)
attempt("token of another variable", lambda: a.reset(tb))
print("b untouched:", b.get())
async def make_token():
    return a.set(99)
async def main():
    token = await asyncio.create_task(make_token())
    attempt("token from another task's context", lambda: a.reset(token))
    print("a in main:", a.get())
asyncio.run(main())
