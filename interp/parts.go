package interp

import (
	"github.com/asyncrun/asyncrun/internal/builtins"
	"github.com/asyncrun/asyncrun/internal/builtins/locks"
	"github.com/asyncrun/asyncrun/internal/builtins/modules"
	"github.com/asyncrun/asyncrun/internal/builtins/streams"
	"github.com/asyncrun/asyncrun/internal/builtins/tasks"
)

// parts are the groups of builtins kept beside the core, each merged into
// the asyncio module and the predeclared names of every interpreter.
var parts = []builtins.Part{locks.Part, modules.Part, streams.Part, tasks.Part}
