import asyncio

async def hello_world():
    print("Hello World!")

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(hello_world())
loop.close()
