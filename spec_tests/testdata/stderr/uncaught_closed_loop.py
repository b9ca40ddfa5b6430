# a loop used after it is closed raises RuntimeError: Event loop is closed
import asyncio
loop = asyncio.new_event_loop()
loop.close()
print("closed:", loop.is_closed())
loop.run_until_complete(asyncio.sleep(0))
