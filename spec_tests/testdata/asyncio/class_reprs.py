# The classes of asyncio print with the module CPython 3.11 defines them in.
import asyncio

for c in [asyncio.Lock, asyncio.Event, asyncio.Condition, asyncio.Semaphore,
          asyncio.BoundedSemaphore, asyncio.Barrier, asyncio.Queue,
          asyncio.PriorityQueue, asyncio.LifoQueue, asyncio.Task, asyncio.Future,
          asyncio.TaskGroup, asyncio.Runner, asyncio.StreamReader,
          asyncio.CancelledError, asyncio.TimeoutError, asyncio.QueueEmpty,
          asyncio.QueueFull, asyncio.InvalidStateError,
          asyncio.BrokenBarrierError]:
    print(c)
