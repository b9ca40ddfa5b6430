# an exception raised three inline coroutines deep unwinds through each finally, innermost first, with awaits on the way
import asyncio
async def ticker():
    for i in range(4):
        print("tick", i)
        await asyncio.sleep(0)
async def level3():
    try:
        await asyncio.sleep(0)
        raise ValueError("deep")
    finally:
        print("level3 finally")
async def level2():
    try:
        await level3()
    finally:
        print("level2 finally starts")
        await asyncio.sleep(0)
        print("level2 finally ends")
async def level1():
    try:
        await level2()
        print("never")
    except TypeError:
        print("never: TypeError")
    finally:
        print("level1 finally")
async def main():
    t = asyncio.ensure_future(ticker())
    try:
        await level1()
    except ValueError as e:
        print("main caught", str(e))
    await t
asyncio.run(main())
