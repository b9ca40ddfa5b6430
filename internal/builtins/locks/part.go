package locks

import (
	"github.com/asyncrun/asyncrun/internal/builtins"
	"github.com/asyncrun/asyncrun/loop"
	"go.starlark.net/starlark"
)

// Part is the primitives' members of the asyncio module.
var Part = builtins.Part{Asyncio: starlark.StringDict{
	"Barrier":          builtins.Class("Barrier", newBarrier),
	"BoundedSemaphore": builtins.Class("BoundedSemaphore", newSemaphore(true)),
	"Condition":        builtins.Class("Condition", newCondition),
	"Event":            builtins.Class("Event", newEvent),
	"LifoQueue":        builtins.Class("LifoQueue", newQueue(loop.LIFO)),
	"Lock":             builtins.Class("Lock", newLock),
	"PriorityQueue":    builtins.Class("PriorityQueue", newQueue(loop.Priority)),
	"Queue":            builtins.Class("Queue", newQueue(loop.FIFO)),
	"Semaphore":        builtins.Class("Semaphore", newSemaphore(false)),
}}
