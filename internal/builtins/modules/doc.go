// Package modules is the small modules scripts see beside asyncio:
// contextvars, datetime, functools, socket, sys and time (datetime's and
// time's now follow the runtime's clock, virtual or real), built on the
// exported hooks of package builtins only. Part is what package interp
// merges into the predeclared names.
//
// # Files
//
//	doc.go         this map
//	part.go        Part: the modules by name; sys made for each interpreter
//	contextvars.go contextvars: ContextVar and Token, over builtins.Context
//	datetime.go    datetime.datetime; time, whose now follows the runtime's clock
//	functools.go   functools.partial
//	socket.go      socket.gaierror
//	sys.go         sys: argv, stdout and stderr, each interpreter's own
package modules
