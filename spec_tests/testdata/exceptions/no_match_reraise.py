# an exception no handler matches propagates after finally runs; raising a type gives an empty message
import asyncio
async def inner(exc):
    try:
        await asyncio.sleep(0.1)
        raise exc
    except KeyError:
        print("never: KeyError handler")
    except asyncio.TimeoutError:
        print("never: TimeoutError handler")
    finally:
        print("inner finally for", exc.__name__ if isinstance(exc, type) else type(exc).__name__)
async def middle(exc):
    try:
        await inner(exc)
    except RuntimeError as e:
        print("middle caught", type(e).__name__, "|" + str(e) + "|", len(e.args))
        return "middle"
    finally:
        print("middle finally")
    return "unreached"
async def main():
    print(await middle(RuntimeError("from inner")))
    try:
        await middle(ValueError)
    except ValueError as e:
        print("main caught", type(e).__name__, "|" + str(e) + "|", len(e.args))
    try:
        raise RuntimeError
    except RuntimeError as e:
        print("bare type:", type(e).__name__, "|" + str(e) + "|", e.args == ())
asyncio.run(main())
