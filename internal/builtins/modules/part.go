package modules

import (
	"github.com/asyncrun/asyncrun/internal/builtins"
	"go.starlark.net/starlark"
)

// Part is the small modules among the predeclared names; sys is made for
// each interpreter, whose argv and streams it holds.
var Part = builtins.Part{
	Predeclared: starlark.StringDict{
		"contextvars": contextVarsModule,
		"datetime":    datetimeModule,
		"functools":   functoolsModule,
		"socket":      socketModule,
		"time":        timeModule,
	},
	MakePredeclared: func(rt *builtins.Runtime) starlark.StringDict {
		return starlark.StringDict{"sys": sysModule(rt)}
	},
}
