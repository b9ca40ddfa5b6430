# result() and exception() of a pending future raise InvalidStateError "Result is not set." / "Exception is not set."
import asyncio
loop = asyncio.new_event_loop()
f = loop.create_future()
for name, op in [("result()", f.result), ("exception()", f.exception)]:
    try:
        op()
    except asyncio.InvalidStateError as e:
        print(name, type(e).__name__, "|" + str(e) + "|", e.args[0] == str(e))
async def main():
    t = asyncio.ensure_future(asyncio.sleep(1))
    for name, op in [("task result()", t.result), ("task exception()", t.exception)]:
        try:
            op()
        except Exception as e:
            print(name, type(e).__name__, "|" + str(e) + "|")
    t.cancel()
loop.run_until_complete(main())
loop.close()
