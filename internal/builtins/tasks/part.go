// Package tasks holds asyncio's structured concurrency beside the core
// (package builtins), as CPython keeps taskgroups.py, timeouts.py and
// runners.py beside tasks.py: asyncio.TaskGroup, asyncio.timeout and
// timeout_at, and asyncio.Runner. Each is a script value over what
// package loop provides (loop.TaskGroup, loop.Timeout) or the core's
// builtins.Runner, built on the core's exported hooks only. Only package
// interp imports it, through Part.
//
//	taskgroup.go  asyncio.TaskGroup over loop.TaskGroup
//	timeout.go    asyncio.timeout and timeout_at over loop.Timeout
//	runner.go     asyncio.Runner over builtins.Runner
package tasks

import (
	"github.com/asyncrun/asyncrun/internal/builtins"
	"go.starlark.net/starlark"
)

// Part is the members of the asyncio module that this package makes.
var Part = builtins.Part{Asyncio: starlark.StringDict{
	"Runner":     builtins.ModuleClass("asyncio.runners", "Runner", newRunner, nil),
	"TaskGroup":  builtins.ModuleClass("asyncio.taskgroups", "TaskGroup", newTaskGroup, nil),
	"timeout":    builtins.NewBuiltin("timeout", timeoutFn),
	"timeout_at": builtins.NewBuiltin("timeout_at", timeoutAt),
}}
