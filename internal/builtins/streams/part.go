package streams

import (
	"github.com/asyncrun/asyncrun/internal/builtins"
	"go.starlark.net/starlark"
)

// Part is the I/O face's members of the asyncio module (streams, servers,
// subprocesses) and its predeclared open.
var Part = builtins.Part{
	Asyncio: starlark.StringDict{
		"StreamReader":            builtins.ModuleClass("asyncio.streams", "StreamReader", newStreamReader, nil),
		"create_subprocess_exec":  subprocessModule.Members["create_subprocess_exec"],
		"create_subprocess_shell": subprocessModule.Members["create_subprocess_shell"],
		"open_connection":         builtins.NativeCoro("open_connection", openConnection),
		"start_server":            builtins.NativeCoro("start_server", startServer),
		"subprocess":              subprocessModule,
	},
	Predeclared: starlark.StringDict{
		"open": builtins.NewBuiltin("open", open_),
	},
}
