# import ... as and from ... import ... as, several names on one line.
import asyncio
import asyncio as a, math
from math import floor as fl

print(a is asyncio, math.floor(2.5), fl(3.5))
