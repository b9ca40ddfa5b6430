package locks

import (
	"github.com/asyncrun/asyncrun/internal/builtins"
	"github.com/asyncrun/asyncrun/loop"
	"go.starlark.net/starlark"
)

// Part is the primitives' members of the asyncio module.
var Part = builtins.Part{Asyncio: starlark.StringDict{
	"Barrier":          builtins.ModuleClass("asyncio.locks", "Barrier", newBarrier, nil),
	"BoundedSemaphore": builtins.ModuleClass("asyncio.locks", "BoundedSemaphore", newSemaphore(true), nil),
	"Condition":        builtins.ModuleClass("asyncio.locks", "Condition", newCondition, nil),
	"Event":            builtins.ModuleClass("asyncio.locks", "Event", newEvent, nil),
	"LifoQueue":        builtins.ModuleClass("asyncio.queues", "LifoQueue", newQueue(loop.LIFO), nil),
	"Lock":             builtins.ModuleClass("asyncio.locks", "Lock", newLock, nil),
	"PriorityQueue":    builtins.ModuleClass("asyncio.queues", "PriorityQueue", newQueue(loop.Priority), nil),
	"Queue":            builtins.ModuleClass("asyncio.queues", "Queue", newQueue(loop.FIFO), nil),
	"Semaphore":        builtins.ModuleClass("asyncio.locks", "Semaphore", newSemaphore(false), nil),
}}
