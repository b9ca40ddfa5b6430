package modules

import (
	"github.com/asyncrun/asyncrun/internal/builtins"
	"go.starlark.net/starlarkstruct"
)

// socketModule is the socket module as far as scripts need it: its
// gaierror, what open_connection raises for a host that does not resolve.
var socketModule = &starlarkstruct.Module{Name: "socket", Members: builtins.ExceptionTypes("socket")}
