# tasks awaiting tasks: results and exceptions travel up a chain; each waiter resumes one step after its child
import asyncio
async def leaf(n):
    print("leaf", n, "starts")
    await asyncio.sleep(0.05 * n)
    print("leaf", n, "returns")
    return n
async def middle(n):
    print("middle", n, "starts")
    t = asyncio.ensure_future(leaf(n))
    v = await t
    print("middle", n, "got", v)
    if n == 2:
        raise ValueError("middle %d fails" % n)
    return v * 10
async def top():
    a = asyncio.ensure_future(middle(1))
    b = asyncio.ensure_future(middle(2))
    print("top waits for a")
    print("top got", await a)
    try:
        await b
    except ValueError as e:
        print("top caught", e)
    c = asyncio.ensure_future(middle(3))
    d = asyncio.ensure_future(c)
    print("ensure_future(task) is task:", d is c)
    return await d
print("result", asyncio.run(top()))
