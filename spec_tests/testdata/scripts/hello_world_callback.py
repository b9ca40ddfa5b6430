import asyncio

def hello_world(loop):
    print('Hello World')
    loop.stop()

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.call_soon(hello_world, loop)
loop.run_forever()
loop.close()
