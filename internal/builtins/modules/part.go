package modules

import (
	"github.com/asyncrun/asyncrun/internal/builtins"
	"go.starlark.net/starlark"
)

// Part is the small modules among the predeclared names.
var Part = builtins.Part{Predeclared: starlark.StringDict{
	"datetime":  datetimeModule,
	"functools": functoolsModule,
	"socket":    socketModule,
	"time":      timeModule,
}}
