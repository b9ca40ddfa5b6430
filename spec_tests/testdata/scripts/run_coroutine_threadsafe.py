import asyncio, concurrent.futures

async def slow_add(a, b, delay):
    await asyncio.sleep(delay)
    if a < 0:
        raise ValueError("negative input")
    return a + b

def show(future):
    try:
        result = future.result(0)
    except concurrent.futures.TimeoutError:
        print('The coroutine took too long, cancelling the task...')
        future.cancel()
    except Exception as exc:
        print('The coroutine raised an exception: %s' % exc)
    else:
        print('The coroutine returned: %s' % result)

async def main():
    loop = asyncio.get_event_loop()
    coro = asyncio.sleep(1, result=3)
    future = asyncio.run_coroutine_threadsafe(coro, loop)
    await asyncio.sleep(1.5)
    print(future.result(1) == 3)
    ok = asyncio.run_coroutine_threadsafe(slow_add(1, 2, 1), loop)
    bad = asyncio.run_coroutine_threadsafe(slow_add(-1, 2, 1), loop)
    slow = asyncio.run_coroutine_threadsafe(slow_add(1, 2, 10), loop)
    await asyncio.sleep(2)
    for f in [ok, bad, slow]:
        show(f)
    await asyncio.sleep(0.1)
    print("slow cancelled:", slow.cancelled())

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
