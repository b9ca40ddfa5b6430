# contextvars.ContextVar: name, default, get(default), set() returning a Token, reset(token) restoring the previous value; no value and no default is a LookupError
import contextvars
request_id = contextvars.ContextVar("request_id", default="none")
user = contextvars.ContextVar("user")
print("name:", request_id.name, user.name)
print("default:", request_id.get(), "| get(fallback) ignores the default:", request_id.get("fallback"))
print("no default, get(fallback):", user.get("anonymous"), "| get(None):", user.get(None))
try:
    user.get()
except LookupError as e:
    print("no value:", type(e).__name__, isinstance(e, Exception))
t1 = request_id.set("r-1")
print("after set:", request_id.get(), request_id.get("fallback"))
t2 = request_id.set("r-2")
print("after a second set:", request_id.get())
request_id.reset(t2)
print("reset to the value before:", request_id.get())
request_id.reset(t1)
print("reset to the default:", request_id.get())
tu = user.set("ada")
print("user:", user.get())
user.reset(tu)
print("user unset again:", user.get("gone"))
counter = contextvars.ContextVar("counter", default=0)
for _ in range(3):
    counter.set(counter.get() + 1)
print("counter:", counter.get())
