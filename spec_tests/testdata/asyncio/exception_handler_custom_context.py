# call_exception_handler(context) hands the script's own dict to the handler, extra keys included; a handler may delegate to default_exception_handler (stderr)
import asyncio
seen = []
def handler(loop, context):
    seen.append(context.get("message"))
    print("keys:", ", ".join(sorted(context.keys())))
    if "exception" in context:
        print("  exception:", type(context["exception"]).__name__, str(context["exception"]))
    if context.get("delegate"):
        loop.default_exception_handler(context)
        print("  delegated to the default handler")
async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    loop.call_exception_handler({"message": "plain report", "request_id": 7})
    loop.call_exception_handler({"message": "with an exception", "exception": KeyError("missing")})
    loop.call_exception_handler({"message": "to stderr too", "delegate": True})
    print("messages:", " / ".join(seen))
asyncio.run(main())
