# the messages of InvalidStateError a script can read: "invalid state" for a second set_result/set_exception, and on a cancelled future
import asyncio
loop = asyncio.new_event_loop()
f = loop.create_future()
f.set_result(1)
for name, op in [("set_result again", lambda: f.set_result(2)), ("set_exception after result", lambda: f.set_exception(ValueError("x")))]:
    try:
        op()
    except asyncio.InvalidStateError as e:
        print(name + ":", type(e).__name__, "|" + str(e) + "|", len(e.args))
g = loop.create_future()
g.cancel()
try:
    g.set_result(1)
except Exception as e:
    print("set_result on cancelled:", type(e).__name__, "|" + str(e) + "|", isinstance(e, Exception))
print("result kept:", f.result())
loop.close()
