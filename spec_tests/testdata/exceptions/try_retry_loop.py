# a retry loop: try inside while, sleeping between failed attempts, giving up after a limit, finally counting attempts
import asyncio
class Flaky:
    def __init__(self, failures):
        self.failures = failures
        self.calls = 0
async def call(flaky):
    flaky.calls += 1
    await asyncio.sleep(0.1)
    if flaky.calls <= flaky.failures:
        raise RuntimeError("attempt %d failed" % flaky.calls)
    return "success on attempt %d" % flaky.calls
async def retry(flaky, limit):
    attempt = 0
    while True:
        attempt += 1
        try:
            return await call(flaky)
        except RuntimeError as e:
            print("  ", str(e))
            if attempt >= limit:
                raise asyncio.TimeoutError("gave up after %d attempts" % attempt)
            await asyncio.sleep(0.5 * attempt)
        finally:
            print("   attempt", attempt, "over")
async def main():
    print(await retry(Flaky(2), 5))
    try:
        await retry(Flaky(10), 3)
    except asyncio.TimeoutError as e:
        print(type(e).__name__, str(e))
    results = await asyncio.gather(retry(Flaky(1), 2), retry(Flaky(3), 2), return_exceptions=True)
    print([str(r) for r in results])
asyncio.run(main())
