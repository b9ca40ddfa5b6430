# a second cancel while the task awaits in its cleanup interrupts the cleanup; a handler awaiting after ValueError can be cancelled too
import asyncio
async def two_phase():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("cleanup phase 1")
        try:
            await asyncio.sleep(1)
            print("never: cleanup phase 2")
        except asyncio.CancelledError:
            print("cleanup interrupted by the second cancel")
            raise
    finally:
        print("two_phase finally")
async def handler_sleeps():
    try:
        await asyncio.sleep(0.1)
        raise ValueError("first problem")
    except ValueError as e:
        print("handling", str(e))
        await asyncio.sleep(10)
        print("never")
    finally:
        print("handler_sleeps finally")
async def main():
    t = asyncio.ensure_future(two_phase())
    await asyncio.sleep(0.1)
    t.cancel()
    await asyncio.sleep(0.5)
    print("in cleanup:", t.done(), "second cancel:", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("t cancelled:", t.cancelled())
    h = asyncio.ensure_future(handler_sleeps())
    await asyncio.sleep(0.5)
    h.cancel()
    try:
        await h
    except ValueError:
        print("never: ValueError")
    except asyncio.CancelledError:
        print("h cancelled:", h.cancelled())
asyncio.run(main())
