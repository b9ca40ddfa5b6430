# get_exception_handler() is None until set, returns the handler after set_exception_handler, None again after set_exception_handler(None); a non-callable is a TypeError
import asyncio
def handler(loop, context):
    print("custom handler:", context["message"])
loop = asyncio.new_event_loop()
print("default:", loop.get_exception_handler())
loop.set_exception_handler(handler)
print("after set:", loop.get_exception_handler() is handler)
loop.call_exception_handler({"message": "first report"})
try:
    loop.set_exception_handler(123)
except TypeError as e:
    print(type(e).__name__, str(e))
print("unchanged after the error:", loop.get_exception_handler() is handler)
loop.set_exception_handler(None)
print("after set(None):", loop.get_exception_handler())
loop.call_exception_handler({"message": "goes to the default handler (stderr)"})
print("stdout only shows this line after the default report")
other = asyncio.new_event_loop()
print("per loop:", other.get_exception_handler())
other.close()
loop.close()
