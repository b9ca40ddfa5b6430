# a missing field of a struct (a SimpleNamespace in Python) is an AttributeError; present fields still read
from types import SimpleNamespace as struct
point = struct(x=1, y=2)
try:
    point.z
except AttributeError as e:
    print("AttributeError:", type(e).__name__)
try:
    point.z
except Exception as e:
    print("Exception:", type(e).__name__, isinstance(e, AttributeError), isinstance(e, LookupError))
def norm(p):
    return p.x * p.x + p.y * p.y + p.z * p.z
try:
    norm(point)
except AttributeError as e:
    print("from a function:", type(e).__name__)
print(point.x, point.y)
