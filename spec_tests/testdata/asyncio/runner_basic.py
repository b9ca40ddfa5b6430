# asyncio.Runner: several run() calls share one loop, each returns its coroutine's result; the with block closes the loop; debug= sets the loop's debug flag
import asyncio
async def compute(x):
    await asyncio.sleep(0.01)
    return x * 2, asyncio.current_task().get_name()
with asyncio.Runner() as runner:
    loop = runner.get_loop()
    print("first run:", runner.run(compute(1))[0])
    print("second run:", runner.run(compute(20))[0])
    print("same loop both times:", runner.get_loop() is loop, "closed?", loop.is_closed())
    print("loop running between runs?", loop.is_running())
print("after the block: closed?", loop.is_closed())
with asyncio.Runner(debug=True) as r:
    print("debug loop:", r.get_loop().get_debug())
with asyncio.Runner(debug=False) as r:
    print("debug=False:", r.get_loop().get_debug())
r = asyncio.Runner()
print("explicit run without with:", r.run(compute(5))[0])
loop2 = r.get_loop()
r.close()
print("closed by close():", loop2.is_closed())
