module github.com/asyncrun/asyncrun

go 1.26.8

require go.uber.org/goleak v1.3.0

require (
	go.starlark.net v0.0.0-20260908191801-89a6a09411d5 // indirect
	golang.org/x/sys v0.42.0 // indirect
)
